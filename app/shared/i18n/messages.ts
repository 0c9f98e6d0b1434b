/**
 * The interface's words. Italian is the reference language; every other language must translate every key
 * (the type makes a missing key a compile error).
 */
const shellIt = {
  'app.name': 'Cantiere',
  'app.tagline': 'Piani sociali di zona, dalla conoscenza alla rendicontazione',
  'skip.main': 'Vai al contenuto principale',
  'skip.nav': 'Vai alla navigazione',
  'skip.footer': 'Vai al piè di pagina',
  'header.signin': 'Accedi',
  'header.signout': 'Esci',
  'header.profile': 'Profilo',
  'header.language': 'Lingua',
  'header.switchAmbito': 'Cambia Ambito',
  'header.switchAmbito.go': 'Vai',
  'header.region': 'Regione',
  'nav.label': 'Navigazione principale',
  'nav.home': 'Ambito',
  'nav.territory': 'Territorio e popolazione',
  'nav.territoryAdmin': 'Amministrazione del territorio',
  'nav.plans': 'Piani di Zona',
  'nav.edit': 'Dati dell’Ambito',
  'nav.audit': 'Registro delle attività',
  'nav.api': 'API',
  'nav.leps': 'LEPS',
  'footer.accessibility': 'Dichiarazione di accessibilità',
  'footer.istat': 'Dati territoriali: Fonte ISTAT (CC BY 3.0 IT)',
  'footer.licence': 'Cantiere è software libero (EUPL 1.2)',
  'footer.api': 'API e documentazione OpenAPI',
  'footer.openData': 'Dati aperti (DCAT-AP_IT)',
  'form.errors': 'Il modulo contiene errori: correggi i campi indicati.',
  'form.conflict.reload': 'Ricarica la versione attuale',
  'form.required': 'obbligatorio',
  'error.title.400': 'Richiesta non valida',
  'error.title.401': 'Accesso richiesto',
  'error.title.403': 'Accesso negato',
  'error.title.404': 'Pagina non trovata',
  'error.title.409': 'Conflitto di modifica',
  'error.title.429': 'Troppe richieste',
  'error.title.500': 'Errore del sistema',
  'error.text.403': 'Il tuo profilo non ha i permessi per questa pagina o questa operazione.',
  'error.text.404': 'La pagina che cerchi non esiste o non è visibile con il tuo profilo.',
  'error.text.500':
    'Si è verificato un errore imprevisto. Riprova tra qualche istante; se il problema continua, comunica all’assistenza il codice della richiesta.',
  'error.requestId': 'Codice della richiesta',
  'error.back': 'Torna alla pagina iniziale',
  'error.app.invalid': 'Alcuni dati non sono validi: correggili e riprova.',
  'error.app.conflict':
    'Qualcun altro ha modificato {entity} mentre lo stavi modificando: le tue modifiche non sono state salvate. Ricarica la pagina per vedere la versione attuale e riapplica le modifiche.',
  'error.app.forbidden': 'Non hai i permessi per questa operazione.',
  'error.app.unauthenticated': 'Devi accedere per continuare.',
  'error.app.notFound': '{what} non esiste o non è visibile con il tuo profilo.',
  'error.app.csrf': 'Il modulo è scaduto o non proviene da Cantiere: ricarica la pagina e riprova.',
  // The database's refusals (app/shared/db/errors.ts): a duplicate, a reference gone, a value the validation let through.
  'error.db.duplicate': 'Esiste già un dato con gli stessi valori ({fields}): non è stato salvato una seconda volta. Ricarica la pagina per vederlo.',
  'error.db.duplicateUnknown': 'Esiste già un dato uguale: non è stato salvato una seconda volta. Ricarica la pagina per vederlo.',
  'error.db.missingReference': 'Il dato collegato non esiste più (forse è stato eliminato nel frattempo): ricarica la pagina e riprova.',
  'error.db.stillReferenced': 'Il dato è ancora usato da altri dati collegati: non può essere eliminato finché lo sono.',
  'error.db.invalidText': 'Un valore non è nel formato atteso (per esempio un identificativo, un numero o una data): controllalo e riprova.',
  'error.db.outOfRange': 'Un numero è troppo grande o troppo piccolo per essere salvato: controllalo e riprova.',
  'error.db.badCharacter': 'Un testo contiene caratteri non ammessi (per esempio il carattere nullo): correggilo e riprova.',
  'error.db.badDate': 'Una data o un orario non è valido: controllalo e riprova.',
  'error.db.tooLong': 'Un testo è troppo lungo per essere salvato: accorcialo e riprova.',
  'error.db.invalid': 'Alcuni dati non possono essere salvati così come sono: controllali e riprova.',
  'validation.version.missing': 'Versione del record mancante: ricarica la pagina.',
  'validation.version.invalid': 'Versione del record non valida: ricarica la pagina.',
  'validation.text.tooLong': '{label}: al massimo {max} caratteri.',
  'validation.required': '{label}: campo obbligatorio.',
  'validation.text.tooShort': '{label}: almeno {min} caratteri.',
  'validation.text.control':
    '{label}: il testo contiene caratteri di controllo non ammessi (per esempio il carattere nullo); riscrivilo o incollalo di nuovo senza di essi.',
  'validation.text.controlAny':
    'Il testo contiene caratteri di controllo non ammessi (per esempio il carattere nullo): riscrivilo o incollalo di nuovo senza di essi.',
  'validation.id.invalid': '{label}: elemento non riconosciuto (identificativo non valido); ricarica la pagina e sceglilo di nuovo.',
  'validation.integer.invalid': '{label}: scrivi un numero intero (es. 1.250), non «{value}».',
  'validation.integer.range': '{label}: un numero intero da {min} a {max}.',
  'validation.money.invalid': '{label}: importo non valido «{value}» (es. 12.500,50).',
  'validation.money.negative': '{label}: l’importo non può essere negativo.',
  'validation.money.decimals': '{label}: al massimo due decimali (i centesimi).',
  'validation.money.positive': '{label}: l’importo deve essere maggiore di zero.',
  'validation.money.tooLarge': '{label}: l’importo supera il massimo ammesso di {max}.',
  'validation.date.invalid': '{label}: data non valida «{value}»; usa il formato AAAA-MM-GG (es. 2025-06-30).',
  'validation.date.nonexistent': '{label}: il giorno {value} non esiste nel calendario.',
  'validation.date.range': '{label}: la data deve cadere tra il {min} e il {max}.',
  'validation.year.invalid': '{label}: un anno di quattro cifre tra il {min} e il {max}.',
  'validation.query.invalid': 'Il filtro «{name}» dell’indirizzo non è valido: {problem}',
  'import.encoding.converted': 'Il file {file} era codificato in {encoding}: il testo è stato convertito in UTF-8 (controlla le lettere accentate).',
  'import.json.control':
    'Il file {file} non è stato importato: il testo in «{path}» contiene caratteri di controllo (per esempio \\u0000), che non sono ammessi. Nessun dato è stato modificato.',
  'import.json.surrogate':
    'Il file {file} non è stato importato: il testo in «{path}» contiene un carattere Unicode non valido (metà di una coppia surrogata, per esempio \\udc00). Nessun dato è stato modificato.',
  'import.encoding.utf16NoBom':
    'Il file {file} non è stato importato: sembra codificato in UTF-16 senza l’indicatore iniziale (BOM), e non si può leggere con sicurezza. Salvalo come «CSV UTF-8» e riprova.',
  'import.encoding.binary':
    'Il file {file} non è stato importato: non è un file di testo (contiene byte di controllo, come all’inizio di un file binario). Salva i dati come CSV (UTF-8) e riprova.',
  'import.encoding.unknown':
    'Il file {file} non è stato importato: non è in UTF-8 e non sembra neppure in Windows-1252 (Latin-1). Salvalo come «CSV UTF-8» e riprova.',
  'import.encoding.invalidUtf8':
    'Il file {file} non è stato importato: si dichiara in UTF-8 (BOM) ma contiene byte non validi in UTF-8. Salvalo di nuovo come «CSV UTF-8» e riprova.',
  'a11y.title': 'Dichiarazione di accessibilità',
  'ui.breadcrumb': 'Percorso',
  'ui.table.sort': 'ordina per questa colonna',
  'ui.panel.state.done': 'concluso',
  'ui.panel.state.current': 'in corso',
  'ui.panel.state.todo': 'da fare',
  'ui.panel.state.late': 'in ritardo',
  'ui.table.sortedAsc': 'ordinata in modo crescente; ordina in modo decrescente',
  'ui.table.sortedDesc': 'ordinata in modo decrescente; ordina in modo crescente',
  'ui.table.csv': 'Scarica la tabella (CSV)',
  'ui.chart.dataInTable': 'I dati sono nella tabella.',
  'ui.chart.showData': 'Dati del grafico',
  'ui.form.warning': 'Attenzione',
  'ui.form.working': 'Invio in corso…',
  'ui.upload.allOrNothing': 'Il file è importato tutto o niente: se una riga ha un errore non viene salvato nulla.',
  'ui.job.status.queued': 'In coda',
  'ui.job.status.running': 'In corso',
  'ui.job.status.done': 'Completato',
  'ui.job.status.failed': 'Non riuscito',
  'ui.job.status.cancelled': 'Annullato',
  'ui.job.status': 'Stato: {status}',
  'ui.job.progress': 'Avanzamento',
  'ui.job.count': '{done} {noun} su {total}',
  'ui.job.countOnly': '{done} {noun}',
  'ui.job.percent': '{percent}%',
  'ui.job.refresh': 'La pagina si aggiorna da sola ogni {seconds} secondi.',
  'ui.job.queued': 'In attesa di essere avviato.',
  'ui.job.cancel': 'Annulla',
  'ui.job.cancelling': 'Annullamento richiesto: il lavoro si ferma al prossimo passo e non salva nulla.',
  'ui.job.cancelled': 'Lavoro annullato: nessun dato è stato modificato.',
  'ui.job.failed': 'Il lavoro non è riuscito: nessun dato è stato modificato.',
  'ui.job.failedBecause': 'Il lavoro non è riuscito: {error}',
  'import.limit.failed': 'Il file {file} non è stato importato: {reason}. Nessun dato è stato modificato.',
  'import.limit.fileBytes': 'il file è di {size}, oltre il limite di {limit} per file',
  'import.limit.rows': 'il file ha più di {limit} righe di dati, il limite per un file; dividilo in più file (per esempio uno per anno)',
  'import.limit.unzipped':
    'una volta decompresso il file occuperebbe {size}, oltre il limite di {limit} (nulla è stato decompresso); togli i fogli, le immagini e le formattazioni che non servono, o dividilo in più file',
  'import.limit.unzippedFound':
    'decomprimendolo si superano i {limit} consentiti (letti {size} prima di fermarsi); togli i fogli, le immagini e le formattazioni che non servono, o dividilo in più file',
  'import.limit.entry': 'la parte «{entry}» del file occupa {size} una volta decompressa, oltre il limite di {limit} per parte',
  'import.limit.entries': 'il file contiene {count} parti, oltre il limite di {limit}',
  'ui.intent.unknown': 'Il modulo inviato («{intent}») non esiste in questa pagina: ricarica la pagina e riprova.',
  'ui.nav.menu': 'Menu',
  'ui.nav.close': 'Chiudi il menu',
  'ui.footer.links': 'Link utili',
  'ui.error.code': 'Errore {status}',
  'a11y.intro':
    'Cantiere si impegna a rendere accessibile la propria applicazione, conformemente alla Legge 9 gennaio 2004, n. 4 e alle Linee guida AgID sull’accessibilità degli strumenti informatici, che recepiscono la norma UNI CEI EN 301549 e le WCAG 2.1 di livello AA.',
  'a11y.status': 'Stato di conformità',
  'a11y.status.text':
    'L’applicazione è parzialmente conforme: le pagine disponibili sono verificate a ogni modifica con controlli automatici (axe-core, regole WCAG 2.1 A e AA) e con prove di navigazione da sola tastiera; una verifica manuale completa con tecnologie assistive non è ancora stata svolta.',
  'a11y.how': 'Come è fatta',
  'a11y.how.skip': 'collegamenti per saltare al contenuto, alla navigazione e al piè di pagina;',
  'a11y.how.forms': 'moduli con etichette esplicite, messaggi di errore collegati ai campi e annunciati;',
  'a11y.how.tables': 'tabelle con intestazioni e didascalie; i grafici hanno sempre i dati anche in tabella;',
  'a11y.how.nojs': 'tutte le funzioni sono utilizzabili anche senza JavaScript.',
  'a11y.report': 'Segnalazioni',
  'a11y.report.text':
    'Per segnalare un problema di accessibilità scrivi all’Ufficio di Piano del tuo Ambito. Se la risposta non è soddisfacente puoi rivolgerti al Difensore civico per il digitale presso AgID.',
  'error.notFound': 'Pagina non trovata',
  // Rich text (app/shared/richtext, RichText and RichTextEditor of the UI kit)
  'richtext.hint':
    'Scrivi il testo normalmente. Segni utili: una riga che inizia con ## è un titolo di sezione; **parole** in grassetto; *parole* in corsivo; righe che iniziano con - o 1. sono un elenco; [testo](https://indirizzo) è un collegamento; [^1] richiama una nota, scritta in fondo come [^1]: testo della nota; una tabella ha le colonne separate da | e sotto la prima riga | --- | --- |.',
  'richtext.toolbar': 'Formattazione del testo',
  'richtext.shortcuts': 'Con la tastiera: Ctrl+B grassetto, Ctrl+I corsivo (Cmd su Mac); frecce per muoversi tra i pulsanti.',
  'richtext.heading': 'Titolo di sezione',
  'richtext.bold': 'Grassetto',
  'richtext.italic': 'Corsivo',
  'richtext.bullets': 'Elenco puntato',
  'richtext.numbers': 'Elenco numerato',
  'richtext.link': 'Collegamento',
  'richtext.table': 'Tabella',
  'richtext.footnote': 'Nota a piè di pagina',
  'richtext.preview': 'Anteprima',
  'richtext.preview.label': 'Anteprima del testo',
  'richtext.preview.empty': 'Il testo è vuoto: niente da mostrare.',
  'richtext.placeholder.heading': 'Titolo della sezione',
  'richtext.placeholder.bold': 'testo in grassetto',
  'richtext.placeholder.italic': 'testo in corsivo',
  'richtext.placeholder.item': 'voce',
  'richtext.placeholder.link': 'testo del collegamento',
  'richtext.placeholder.column': 'Colonna {n}',
  'richtext.placeholder.cell': 'dato',
  'richtext.placeholder.note': 'testo della nota',
  'richtext.notes': 'Note',
  'richtext.note.ref': 'nota {n}',
  'richtext.note.back': 'Torna al richiamo della nota {n}',
  'richtext.table.label': 'Tabella {n} del testo',
  'richtext.term.definition': 'Dal glossario',
  'richtext.glyph.heading': 'T',
  'richtext.glyph.bold': 'G',
  'richtext.glyph.italic': 'C',
  'richtext.withShortcut': '{action} ({keys})',
  'richtext.problem.tooLong': 'Il testo è lungo {length} caratteri: al massimo {max}.',
  'richtext.problem.link':
    'Riga {line}: il collegamento «{href}» non è ammesso (solo indirizzi che iniziano con https://, http://, mailto: o pagine di Cantiere che iniziano con /).',
  'richtext.problem.image': 'Riga {line}: le immagini non sono ammesse nel testo; descrivi il contenuto a parole o metti un collegamento.',
  'richtext.problem.footnoteMissing':
    'Riga {line}: la nota [^{label}] è richiamata ma non è scritta; aggiungi in fondo la riga «[^{label}]: testo della nota».',
  'richtext.problem.footnoteUnused': 'Riga {line}: la nota [^{label}] è scritta ma non è richiamata nel testo; scrivi [^{label}] dove serve o toglila.',
  'richtext.problem.html':
    'Riga {line}: il tag «{tag}» non è ammesso; usa i pulsanti dell’editor o i segni di formattazione (**grassetto**, *corsivo*, - elenco).',
} as const;

/**
 * Every module's dictionary adds its keys to this interface (declaration merging in app/modules/registry.ts,
 * from the module registry), so that MessageKey is the union of all keys and a missing key stays a type error.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ModuleMessages {}

export type MessageKey = keyof typeof shellIt | keyof ModuleMessages;

const shellEn: Record<keyof typeof shellIt, string> = {
  'app.name': 'Cantiere',
  'app.tagline': 'Territorial social plans, from knowledge to reporting',
  'skip.main': 'Skip to main content',
  'skip.nav': 'Skip to navigation',
  'skip.footer': 'Skip to footer',
  'header.signin': 'Sign in',
  'header.signout': 'Sign out',
  'header.profile': 'Profile',
  'header.language': 'Language',
  'header.switchAmbito': 'Switch Ambito',
  'header.switchAmbito.go': 'Go',
  'header.region': 'Region',
  'nav.label': 'Main navigation',
  'nav.home': 'Ambito',
  'nav.territory': 'Territory and population',
  'nav.territoryAdmin': 'Territory administration',
  'nav.plans': 'Zone plans',
  'nav.edit': 'Ambito details',
  'nav.audit': 'Activity log',
  'nav.api': 'API',
  'nav.leps': 'LEPS',
  'footer.accessibility': 'Accessibility statement',
  'footer.istat': 'Territorial data: source ISTAT (CC BY 3.0 IT)',
  'footer.licence': 'Cantiere is free software (EUPL 1.2)',
  'footer.openData': 'Open data (DCAT-AP_IT)',
  'footer.api': 'API and OpenAPI description',
  'form.errors': 'The form has errors: correct the fields shown.',
  'form.conflict.reload': 'Reload the current version',
  'form.required': 'required',
  'error.title.400': 'Bad request',
  'error.title.401': 'Sign-in required',
  'error.title.403': 'Access denied',
  'error.title.404': 'Page not found',
  'error.title.409': 'Edit conflict',
  'error.title.429': 'Too many requests',
  'error.title.500': 'System error',
  'error.text.403': 'Your profile is not allowed to see this page or do this.',
  'error.text.404': 'The page you are looking for does not exist or is not visible with your profile.',
  'error.text.500': 'An unexpected error occurred. Try again in a moment; if it persists, give support the request code.',
  'error.requestId': 'Request code',
  'error.back': 'Back to the home page',
  'error.app.invalid': 'Some data are not valid: correct them and try again.',
  'error.app.conflict':
    'Someone else changed this record while you were editing it: your changes were not saved. Reload the page to see the current version and apply your changes again.',
  'error.app.forbidden': 'You do not have permission for this operation.',
  'error.app.unauthenticated': 'Please sign in to continue.',
  'error.app.notFound': 'What you asked for does not exist or is not visible with your profile.',
  'error.app.csrf': 'The form has expired or does not come from Cantiere: reload the page and try again.',
  'error.db.duplicate': 'A record with the same values ({fields}) already exists: it was not saved a second time. Reload the page to see it.',
  'error.db.duplicateUnknown': 'The same record already exists: it was not saved a second time. Reload the page to see it.',
  'error.db.missingReference': 'The linked record no longer exists (it may have been deleted meanwhile): reload the page and try again.',
  'error.db.stillReferenced': 'The record is still used by other linked records: it cannot be deleted while they use it.',
  'error.db.invalidText': 'A value is not in the expected format (for example an identifier, a number or a date): check it and try again.',
  'error.db.outOfRange': 'A number is too large or too small to be saved: check it and try again.',
  'error.db.badCharacter': 'A text contains characters that are not allowed (for example the null character): correct it and try again.',
  'error.db.badDate': 'A date or time is not valid: check it and try again.',
  'error.db.tooLong': 'A text is too long to be saved: shorten it and try again.',
  'error.db.invalid': 'Some data cannot be saved as they are: check them and try again.',
  'validation.version.missing': 'The record’s version is missing: reload the page.',
  'validation.version.invalid': 'The record’s version is not valid: reload the page.',
  'validation.text.tooLong': '{label}: at most {max} characters.',
  'validation.required': '{label}: required field.',
  'validation.text.tooShort': '{label}: at least {min} characters.',
  'validation.text.control':
    '{label}: the text contains control characters that are not allowed (for instance the null character); type it again or paste it without them.',
  'validation.text.controlAny':
    'The text contains control characters that are not allowed (for instance the null character): type it again or paste it without them.',
  'validation.id.invalid': '{label}: item not recognised (invalid identifier); reload the page and choose it again.',
  'validation.integer.invalid': '{label}: write a whole number (e.g. 1,250), not «{value}».',
  'validation.integer.range': '{label}: a whole number from {min} to {max}.',
  'validation.money.invalid': '{label}: invalid amount «{value}» (e.g. 12.500,50).',
  'validation.money.negative': '{label}: the amount cannot be negative.',
  'validation.money.decimals': '{label}: at most two decimals (the cents).',
  'validation.money.positive': '{label}: the amount must be greater than zero.',
  'validation.money.tooLarge': '{label}: the amount exceeds the maximum allowed of {max}.',
  'validation.date.invalid': '{label}: invalid date «{value}»; use the format YYYY-MM-DD (e.g. 2025-06-30).',
  'validation.date.nonexistent': '{label}: the day {value} does not exist in the calendar.',
  'validation.date.range': '{label}: the date must fall between {min} and {max}.',
  'validation.year.invalid': '{label}: a four-digit year between {min} and {max}.',
  'validation.query.invalid': 'The filter «{name}» of the address is not valid: {problem}',
  'import.encoding.converted': 'The file {file} was encoded in {encoding}: the text was converted to UTF-8 (check the accented letters).',
  'import.json.control':
    'The file {file} was not imported: the text at «{path}» contains control characters (for instance \\u0000), which are not allowed. No data was changed.',
  'import.json.surrogate':
    'The file {file} was not imported: the text at «{path}» contains an invalid Unicode character (half of a surrogate pair, for instance \\udc00). No data was changed.',
  'import.encoding.utf16NoBom':
    'The file {file} was not imported: it looks encoded in UTF-16 without the initial marker (BOM), and cannot be read safely. Save it as «CSV UTF-8» and try again.',
  'import.encoding.binary':
    'The file {file} was not imported: it is not a text file (it contains control bytes, as a binary file does). Save the data as CSV (UTF-8) and try again.',
  'import.encoding.unknown':
    'The file {file} was not imported: it is not in UTF-8, nor does it look like Windows-1252 (Latin-1). Save it as «CSV UTF-8» and try again.',
  'import.encoding.invalidUtf8':
    'The file {file} was not imported: it declares UTF-8 (BOM) but contains bytes that are not valid UTF-8. Save it again as «CSV UTF-8» and try again.',
  'a11y.title': 'Accessibility statement',
  'ui.breadcrumb': 'Breadcrumb',
  'ui.table.sort': 'sort by this column',
  'ui.panel.state.done': 'done',
  'ui.panel.state.current': 'under way',
  'ui.panel.state.todo': 'to do',
  'ui.panel.state.late': 'late',
  'ui.table.sortedAsc': 'sorted ascending; sort descending',
  'ui.table.sortedDesc': 'sorted descending; sort ascending',
  'ui.table.csv': 'Download the table (CSV)',
  'ui.chart.dataInTable': 'The data are in the table.',
  'ui.chart.showData': 'Chart data',
  'ui.form.warning': 'Warning',
  'ui.form.working': 'Sending…',
  'ui.upload.allOrNothing': 'The file is imported all or nothing: if a row has an error nothing is saved.',
  'ui.job.status.queued': 'Queued',
  'ui.job.status.running': 'Running',
  'ui.job.status.done': 'Completed',
  'ui.job.status.failed': 'Failed',
  'ui.job.status.cancelled': 'Cancelled',
  'ui.job.status': 'Status: {status}',
  'ui.job.progress': 'Progress',
  'ui.job.count': '{done} {noun} of {total}',
  'ui.job.countOnly': '{done} {noun}',
  'ui.job.percent': '{percent}%',
  'ui.job.refresh': 'The page refreshes by itself every {seconds} seconds.',
  'ui.job.queued': 'Waiting to be started.',
  'ui.job.cancel': 'Cancel',
  'ui.job.cancelling': 'Cancellation requested: the job stops at its next step and saves nothing.',
  'ui.job.cancelled': 'Job cancelled: no data was changed.',
  'ui.job.failed': 'The job failed: no data was changed.',
  'ui.job.failedBecause': 'The job failed: {error}',
  'import.limit.failed': 'The file {file} was not imported: {reason}. No data was changed.',
  'import.limit.fileBytes': 'the file is {size}, over the limit of {limit} per file',
  'import.limit.rows': 'the file has more than {limit} data rows, the limit for one file; split it into several files (for instance one per year)',
  'import.limit.unzipped':
    'once unzipped the file would take {size}, over the limit of {limit} (nothing was unzipped); remove the sheets, pictures and formatting you do not need, or split it into several files',
  'import.limit.unzippedFound':
    'unzipping it goes over the {limit} allowed (read {size} before stopping); remove the sheets, pictures and formatting you do not need, or split it into several files',
  'import.limit.entry': 'the part «{entry}» of the file takes {size} once unzipped, over the limit of {limit} per part',
  'import.limit.entries': 'the file holds {count} parts, over the limit of {limit}',
  'ui.intent.unknown': 'The submitted form («{intent}») does not exist on this page: reload the page and try again.',
  'ui.nav.menu': 'Menu',
  'ui.nav.close': 'Close the menu',
  'ui.footer.links': 'Useful links',
  'ui.error.code': 'Error {status}',
  'a11y.intro':
    'Cantiere is committed to making its application accessible, in accordance with Law no. 4 of 9 January 2004 and AgID’s guidelines on the accessibility of IT tools, which adopt the standard UNI CEI EN 301549 and WCAG 2.1 level AA.',
  'a11y.status': 'Compliance status',
  'a11y.status.text':
    'The application is partially compliant: the pages are checked at every change with automatic tests (axe-core, WCAG 2.1 A and AA rules) and with keyboard-only navigation tests; a complete manual review with assistive technologies has not been carried out yet.',
  'a11y.how': 'How it is made',
  'a11y.how.skip': 'links to skip to the content, the navigation and the footer;',
  'a11y.how.forms': 'forms with explicit labels, error messages linked to the fields and announced;',
  'a11y.how.tables': 'tables with headers and captions; charts always have their data in a table too;',
  'a11y.how.nojs': 'every function works without JavaScript too.',
  'a11y.report': 'Reporting a problem',
  'a11y.report.text':
    'To report an accessibility problem write to the Ufficio di Piano of your Ambito. If the answer is not satisfactory you can turn to the Digital Ombudsman at AgID.',
  'error.notFound': 'Page not found',
  'richtext.hint':
    'Write the text normally. Useful signs: a line starting with ## is a section heading; **words** in bold; *words* in italics; lines starting with - or 1. are a list; [text](https://address) is a link; [^1] refers to a note, written at the end as [^1]: text of the note; a table has its columns separated by | and under its first line | --- | --- |.',
  'richtext.toolbar': 'Text formatting',
  'richtext.shortcuts': 'With the keyboard: Ctrl+B bold, Ctrl+I italics (Cmd on a Mac); arrow keys move between the buttons.',
  'richtext.heading': 'Section heading',
  'richtext.bold': 'Bold',
  'richtext.italic': 'Italics',
  'richtext.bullets': 'Bulleted list',
  'richtext.numbers': 'Numbered list',
  'richtext.link': 'Link',
  'richtext.table': 'Table',
  'richtext.footnote': 'Footnote',
  'richtext.preview': 'Preview',
  'richtext.preview.label': 'Preview of the text',
  'richtext.preview.empty': 'The text is empty: nothing to show.',
  'richtext.placeholder.heading': 'Section heading',
  'richtext.placeholder.bold': 'bold text',
  'richtext.placeholder.italic': 'text in italics',
  'richtext.placeholder.item': 'item',
  'richtext.placeholder.link': 'text of the link',
  'richtext.placeholder.column': 'Column {n}',
  'richtext.placeholder.cell': 'value',
  'richtext.placeholder.note': 'text of the note',
  'richtext.notes': 'Notes',
  'richtext.note.ref': 'note {n}',
  'richtext.note.back': 'Back to the reference of note {n}',
  'richtext.table.label': 'Table {n} of the text',
  'richtext.term.definition': 'From the glossary',
  'richtext.glyph.heading': 'H',
  'richtext.glyph.bold': 'B',
  'richtext.glyph.italic': 'I',
  'richtext.withShortcut': '{action} ({keys})',
  'richtext.problem.tooLong': 'The text is {length} characters long: at most {max}.',
  'richtext.problem.link':
    'Line {line}: the link «{href}» is not allowed (only addresses starting with https://, http://, mailto: or Cantiere pages starting with /).',
  'richtext.problem.image': 'Line {line}: images are not allowed in the text; describe the content in words or add a link.',
  'richtext.problem.footnoteMissing': 'Line {line}: note [^{label}] is referenced but not written; add at the end the line «[^{label}]: text of the note».',
  'richtext.problem.footnoteUnused': 'Line {line}: note [^{label}] is written but never referenced; write [^{label}] where it belongs or remove it.',
  'richtext.problem.html': 'Line {line}: the tag «{tag}» is not allowed; use the editor’s buttons or the formatting signs (**bold**, *italics*, - list).',
};

const it = { ...shellIt } as Record<MessageKey, string>;
const en = { ...shellEn } as Record<MessageKey, string>;

/** Adds a module's dictionary (called by the module registry, app/modules/registry.ts, once per module). */
export function registerMessages(dictionary: { it: Record<string, string>; en: Record<string, string> }): void {
  Object.assign(it, dictionary.it);
  Object.assign(en, dictionary.en);
}

export const LOCALES = ['it', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const isLocale = (v: unknown): v is Locale => LOCALES.includes(v as Locale);

/**
 * The pseudo-language used only by the tests (enabled on a server started with CANTIERE_PSEUDO_LOCALE=1): every
 * dictionary string comes out between ⟦ and ⟧, so a test can find interface text that did not go through the
 * dictionaries. Numbers and dates are written the Italian way.
 */
export const PSEUDO_LOCALE = 'qps';
export type UiLocale = Locale | typeof PSEUDO_LOCALE;
export const PSEUDO_OPEN = '\u27e6';
export const PSEUDO_CLOSE = '\u27e7';
/** The language numbers and dates are written in. */
export const formatLocale = (locale: UiLocale): Locale => (locale === PSEUDO_LOCALE ? 'it' : locale);
/** A language the interface can be shown in: the real ones, and the pseudo-language where the server allows it. */
export const isUiLocale = (v: unknown, pseudoAllowed: boolean): v is UiLocale => isLocale(v) || (pseudoAllowed && v === PSEUDO_LOCALE);

/** The language the page declares (lang attribute): the pseudo-language is Italian underneath. */
export const htmlLang = (locale: UiLocale): Locale => formatLocale(locale);

const dictionaries: Record<Locale, Record<MessageKey, string>> = { it, en };

/** Translates a key, filling {placeholders}. */
export function translate(locale: UiLocale, key: MessageKey, params?: Record<string, string | number>): string {
  let text = dictionaries[formatLocale(locale)][key] ?? it[key] ?? key;
  if (params) for (const [k, v] of Object.entries(params)) text = text.replaceAll(`{${k}}`, String(v));
  return locale === PSEUDO_LOCALE ? `${PSEUDO_OPEN}${text}${PSEUDO_CLOSE}` : text;
}
