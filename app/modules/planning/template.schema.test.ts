import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ValidationError } from '../../shared/errors.ts';
import { LOMBARDY_CARD_KEYS, PLAN_STATUSES } from './plan-document.schema.ts';
import { bandFor, fieldsByKey, flattenChapters, parseTemplate, type PlanTemplate } from './template.schema.ts';

const FIXTURES = new URL('../../../fixtures/templates/', import.meta.url);
const SHIPPED = ['lombardia-dgr-xii-2167-2024.json', 'marche-linee-guida-pst.json', 'generico.json'];
const readFixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');
const load = (name: string) => parseTemplate(name, readFixture(name));

/** Text printed in a PDF-to-text seed, as one line: a hyphen at the end of a line joins the word, other breaks are spaces. */
const printed = (raw: string) => raw.replace(/-\n/g, '-').replace(/\s+/g, ' ').trim();

/** Parses a modified copy of the Lombardy template and returns the issues it is refused with. */
function refusal(mutate: (t: Record<string, any>) => void, text?: string): { path: string; message: string }[] {
  const data = JSON.parse(readFixture('lombardia-dgr-xii-2167-2024.json'));
  mutate(data);
  try {
    parseTemplate('lombardia.json', text ?? JSON.stringify(data));
  } catch (error) {
    assert.ok(error instanceof ValidationError, `expected a ValidationError, got ${String(error)}`);
    return error.issues;
  }
  assert.fail('the file was accepted');
}

const paths = (issues: { path: string }[]) => issues.map((i) => i.path);

// ---------------------------------------------------------------------------------------------------------------
// Text as printed in the seeds (copied verbatim, line breaks included; the source is given for each).

const PRINTED_CARD_LABELS: { key: string; source: string; printed: string }[] = [
  { key: 'titolo_intervento', source: 'seed 003, L3831', printed: 'TITOLO INTERVENTO' },
  { key: 'obiettivi', source: 'seed 003, L3840-L3841', printed: 'QUALI OBIETTIVI VUOLE \nRAGGIUNGERE' },
  { key: 'azioni_programmate', source: 'seed 003, L3850', printed: 'AZIONI PROGRAMMATE' },
  { key: 'target', source: 'seed 003, L3872', printed: 'TARGET' },
  { key: 'risorse_economiche', source: 'seed 003, L3880-L3881', printed: 'RISORSE ECONOMICHE \nPREVENTIVATE' },
  { key: 'risorse_personale', source: 'seed 003, L3897-L3898', printed: 'RISORSE DI PERSONALE \nDEDICATE' },
  { key: 'trasversale_aree_policy', source: 'seed 003, L3908-L3910', printed: 'L’OBIETTIVO È TRASVERSALE \nED INTEGRATO CON ALTRE \nAREE DI POLICY?' },
  { key: 'punti_chiave', source: 'seed 003, L3922-L3923', printed: 'INDICARE I PUNTI CHIAVE \nDELL’INTERVENTO' },
  {
    key: 'asst_analisi_bisogno',
    source: 'seed 003, L3968-L3971',
    printed: "PREVEDE IL COINVOLGIMENTO \nDI ASST NELL'ANALISI DEL \nBISOGNO E NELLA \nPROGRAMMAZIONE?",
  },
  {
    key: 'asst_realizzazione',
    source: 'seed 003, L3979-L3982',
    printed: 'PREVEDE IL COINVOLGIMENTO \nDI ASST NELLA REALIZZAZIONE \nDELL’INTERVENTO E AZIONI \nCONGIUNTE AMBITO-ASST?',
  },
  { key: 'cooperazione_altri_ambiti', source: 'seed 003, L3994-L3996', printed: 'L’INTERVENTO È REALIZZATO IN \nCOOPERAZIONE CON ALTRI \nAMBITI?' },
  {
    key: 'continuita_programmazione_precedente',
    source: 'seed 003, L4005-L4007',
    printed: 'È IN CONTINUITÀ CON LA \nPROGRAMMAZIONE \nPRECEDENTE (2021-2023)?',
  },
  { key: 'nuovo_servizio', source: 'seed 003, L4015-L4017', printed: 'L’OBIETTIVO PREVEDE LA \nDEFINIZIONE DI UN NUOVO \nSERVIZIO?' },
  {
    key: 'continuita_progetto_premiale',
    source: 'seed 003, L4813-L4817',
    printed: 'L’OBIETTIVO È IN CONTINUITÀ \nE/O RAPPRESENTA IL \nPOTENZIAMENTO DI UN \nPROGETTO PREMIALE DELLA \nPROGRAMMAZIONE 2021-2023?',
  },
  { key: 'co_programmato_terzo_settore', source: 'seed 003, L4026-L4029', printed: 'L’INTERVENTO È \nFORMALMENTE CO-\nPROGRAMMATO CON IL TERZO \nSETTORE?' },
  { key: 'co_progettato_terzo_settore', source: 'seed 003, L4033-L4036', printed: 'L’INTERVENTO È \nFORMALMENTE CO-\nPROGETTATO CON IL TERZO \nSETTORE?' },
  {
    key: 'modalita_coinvolgimento_terzo_settore',
    source: 'seed 003, L4044-L4052',
    printed:
      'NEL CASO IN CUI \nL’INTERVENTO NON PREVEDA \nPROCESSI DI CO-\nPROGETTAZIONE E/O CO- \nPROGRAMMAZIONE \nFORMALIZZATI, SPECIFICARE \nLE MODALITA’ DI \nCOINVOLGIMENTO DEL TERZO \nSETTORE (se pertinente)',
  },
  {
    key: 'altri_attori_rete',
    source: 'seed 003, L4061-L4065',
    printed: 'L’INTERVENTO PREVEDE IL \nCOINVOLGIMENTO DI ALTRI \nATTORI DELLA RETE \nTERRITORIALE? (oltre ad ASST e \nETS)',
  },
  { key: 'bisogni', source: 'seed 003, L4079-L4081', printed: 'QUESTO INTERVENTO A \nQUALE/I BISOGNO/I \nRISPONDE?' },
  {
    key: 'bisogno_consolidato_o_nuovo',
    source: 'seed 003, L4091-L4098',
    printed:
      'IL BISOGNO RILEVATO ERA GIÁ \nSTATO AFFRONTATO NELLA \nPRECEDENTE \nPROGRAMMAZIONE O PUÓ \nESSERE DEFINITO COME UN \nNUOVO BISOGNO EMERSO \nNELLA PRECEDENTE \nTRIENNALITÁ?',
  },
  { key: 'promozionale_o_riparativo', source: 'seed 003, L4115-L4117', printed: 'L’OBIETTIVO É DI TIPO \nPROMOZIONALE/PREVENTIVO \nO RIPARATIVO?' },
  {
    key: 'modelli_innovativi',
    source: 'seed 003, L4125-L4129',
    printed: 'L’OBIETTIVO PRESENTA \nMODELLI INNOVATIVI DI PRESA \nIN CARICO, DI RISPOSTA AL \nBISOGNO E COOPERAZIONE \nCON ALTRI ATTORI DELLA RETE)',
  },
  {
    key: 'digitalizzazione',
    source: 'seed 003, L4133-L4137',
    printed: 'L’OBIETTIVO PRESENTA DEGLI \nASPETTI INERENTI ALLA \nDIGITALIZZAZIONE? \n(organizzativi, gestionali, \nerogativi, ecc.)',
  },
  { key: 'modalita_organizzative', source: 'seed 003, L4140-L4143', printed: 'QUALI MODALITÀ \nORGANIZZATIVE, OPERATIVE E \nDI EROGAZIONE SONO \nADOTTATE?' },
  { key: 'risultati_attesi', source: 'seed 003, L4172-L4173', printed: 'QUALI RISULTATI VUOLE \nRAGGIUNGERE?' },
  { key: 'impatto', source: 'seed 003, L4202-L4203', printed: 'QUALE IMPATTO DOVREBBE \nAVERE L’INTERVENTO?' },
];

/** seed 002, L1041-L1119 */
const SEED_002_SCHEMA_DI_VALUTAZIONE =
  'DIMENSIONE OUTPUT \n \nGRADO DI RAGGIUNGIMENTO DELL’OBIETTIVO \nRISPETTO A CIO’ CHE ÈRA STATO DEFINITO \nNELLA PROGRAMMAZIONE \n(n. azioni realizzate*100)/n. azioni programmate \n\n \n0% (nullo) \n1-49% (insufficiente) \n50-79% (sufficiente) \n80-99% (buono) \n100% (ottimo) \n\n \nVALUTAZIONE DA PARTE DEGLI \nUTENTI (OVE PERTINENTE) \n\n \nCustomer satisfaction e/o analisi \nclima aziendale \n\n \nLIVELLO DI ADEGUATEZZA DELLE RISORSE \nUMANE E STRUMENTIALI IMPIEGATE \nRISPETTO AL RAGGIUNGIMENTO DEGLI \nOBIETTIVI PREFISSATI \n\n \nGravemente inadeguato  \nInadeguato  \nSufficientemente adeguato  \nAdeguato \nPerfettamente adeguato \n\n \nLIVELLO DI COINCIDENZA TRA RISORSE \nSTANZIATE E RISORSE \nIMPEGNATE/LIQUIDATE \n(pagato*100)/preventivato \n\n \n<100% (non realizzato come \nprogrammato o sovrastimato)  \n100% (ottimo) \n>100% (sottostimato) \n\n \nCRITICITÀ’ RILEVATE NEL \nRAGGIUNGIMENTO DELL’OBIETTIVO \n\n \nIndicare i fattori di criticità e definire il \npiano di miglioramento (nel caso in \ncui l’obiettivo venga riconfermato \nparzialmente o \ntotalmente) \n QUESTO OBIETTIVO HA ADEGUATAMENTE \nRISPOSTO AD UN BISOGNO PRODUCENDO UN \nCAMBIAMENTO POSITIVO NELL’AREA \nINDIVIDUATA COME PROBLEMATICA? \n\n \nSI/NO (motivare la risposta) \n\n \nL’OBIETTIVO ERA IN CONTINUITÀ CON LA \nPROGRAMMAZIONE PRECEDENTE (2018-2020)? \n\n \nSI/NO \n\n \nL’OBIETTIVO VERRÀ’ RIPROPOSTO NELLA \nPROSSIMA PROGRAMMAZIONE 2025-2027? \n\n \nSI/NO \n(motivarne la scelta) ';
/** seed 003, L4799-L4810 */
const SEED_003_NUOVO_SERVIZIO =
  '\nL’OBIETTIVO PREVEDE LA \nDEFINIZIONE DI UN NUOVO \nSERVIZIO? \n\n Servizio già presente \n\nServizio sostanzialmente \nrivisto/aggiornato \n\nNuovo servizio \n';
/** seed 003, L4091-L4103 */
const SEED_003_BISOGNO =
  'IL BISOGNO RILEVATO ERA GIÁ \nSTATO AFFRONTATO NELLA \nPRECEDENTE \nPROGRAMMAZIONE O PUÓ \nESSERE DEFINITO COME UN \nNUOVO BISOGNO EMERSO \nNELLA PRECEDENTE \nTRIENNALITÁ? \n\nBISOGNO \nCONSOLIDATO/NUOVO \n\nBISOGNO (in caso di nuovo ';
/** seed 003, L2226-L2237 */
const SEED_003_LEPS_1 =
  '1 Valutazione multidimensionale e progetto personalizzato \n\nNorma di riferimento D. Lgs. n.147/2017 artt. 5 e 6 \n\nAtto di programmazione Piano nazionale per gli interventi e i servizi sociali di contrasto alla \npovertà \n\nFonti di finanziamento Fondo Povertà, FNPS, PON inclusione; Piano operativo \ncomplementare \n\nIntegrazione sociosanitaria ASST \n';
/** seed 003, L2294-L2301 */
const SEED_003_LEPS_2 =
  '2 Prevenzione dell’allontanamento familiare \n\nNorma di riferimento Legge n.234/2021, comma 170 \n Atto di programmazione Piano nazionale interventi e servizi sociali \n\nFonti di finanziamento PNRR, FNPS \n\nIntegrazione sociosanitaria ATS e ASST ';

/** Chapter headings of the Gallarate Piano di Zona 2025-2027, written on the DGR XII/2167/2024 format (seed 002). */
const GALLARATE_HEADINGS: [source: string, raw: string][] = [
  ['seed 002, L795', '1. Esiti della programmazione di Ambito 2021-2023 '],
  ['seed 002, L803', ' 1.1 Obiettivi di Piano '],
  ['seed 002, L1035', '1.2 Schema di valutazione '],
  ['seed 002, L1123', '1.3 Valutazione degli obiettivi di piano '],
  ['seed 002, L2943', '1.4 Conclusioni '],
  ['seed 002, L2966', '2. Dati di contesto e quadro della conoscenza '],
  ['seed 002, L3194', '3. Analisi dei soggetti e delle reti presenti sul territorio  '],
  [
    'seed 002, L3420-L3421',
    '4. Analisi dei bisogni e illustrazione delle motivazioni alla base della scelta riguardo alle aree \nindividuate per la programmazione ',
  ],
  ['seed 002, L3808', '5. Individuazione degli obiettivi di Ambito della programmazione 2025-2027 '],
  ['seed 002, L3810', '5.1 Obiettivi trasversali '],
  ['seed 002, L5108-L5109', '5.2 Obiettivi macro-area: contrasto alla povertà e all’emarginazione sociale e promozione \ndell’inclusione attiva  '],
  ['seed 002, L5409', '5.3 Obiettivi macro-area: Politiche Abitative '],
  ['seed 002, L5798', ' 5.4 Obiettivi macro-area: Domiciliarità '],
  ['seed 002, L6117', '5.5 Obiettivi macro-area: Anziani '],
  ['seed 002, L6532', '5.6 Obiettivi macro-area: Politiche giovanili e per minori '],
  ['seed 002, L7230', '5.7 Obiettivi macro-area: Interventi connessi alle politiche per il lavoro '],
  ['seed 002, L7533', '5.8 Obiettivi macro-area: Interventi per la Famiglia '],
  ['seed 002, L8108', '5.9 Obiettivi macro-area: Interventi a favore delle persone con disabilità '],
  [
    'seed 002, L9715-L9716',
    ' 5.10 Obiettivi macro-area: Interventi di sistema per il potenziamento dell’ufficio di piano e il \nrafforzamento della gestione associata ',
  ],
  [
    'seed 002, L10006-L10007',
    '6. Definizione di un sistema per la valutazione delle politiche e delle azioni, attraverso la \ndeterminazione di indicatori di risultato quantitativi e qualitativi  ',
  ],
  ['seed 002, L10109', ' 7. INTEGRAZIONE SOCIO-SANITARIA '],
  ['seed 002, L10111', '7.1 Obiettivi LEPS '],
];

/** Headings of the regional policy areas in the Lombardy guidelines copied into the Sebino plan (seed 003). */
const SEBINO_POLICY_AREA_HEADINGS: [code: string, source: string, raw: string][] = [
  ['A', 'seed 003, L412', 'Contrasto alla povertà e all’emarginazione sociale e promozione dell’inclusione attiva '],
  ['B', 'seed 003, L659', 'Politiche abitative '],
  ['D', 'seed 003, L805', 'Domiciliarità '],
  ['E', 'seed 003, L897', 'Anziani '],
  ['F', 'seed 003, L1063', 'Digitalizzazione dei servizi '],
  ['G', 'seed 003, L1121', 'Politiche giovanili e per i minori '],
  ['H', 'seed 003, L1395', 'Interventi connessi alle politiche per il lavoro '],
  ['I', 'seed 003, L1513', 'Interventi per la famiglia '],
  ['J', 'seed 003, L1722', 'Interventi a favore di persone con disabilità '],
  ['K', 'seed 003, L2038-L2039', 'Interventi di sistema per il potenziamento dell’Ufficio di Piano e il rafforzamento della gestione \nassociata '],
];

/** Key points as printed in the cards (a sample across areas and seeds). */
const PRINTED_KEY_POINTS: [area: string, source: string, raw: string][] = [
  ['A', 'seed 002, L7300', 'Working poors e lavoratori precari'],
  ['A', 'seed 002, L7612-L7613', 'Famiglie numerose\nFamiglie monoreddito'],
  ['A', 'seed 003, L3946-L3947', '• Facilitare l’accesso alle opportunità di benessere e \npartecipazione attiva'],
  ['B', 'seed 002, L5510-L5512', 'Nuovi strumenti di governance (es. Agenzie per \n\nl’abitare)'],
  ['D', 'seed 002, L5878-L5880', 'Integrazione con gli interventi domiciliari a carattere \n\nsociosanitario'],
  ['E', 'seed 002, L6217', 'Rafforzamento degli strumenti di long term-care'],
  ['E', 'seed 002, L6222', 'Sviluppo azioni LR 15/2015'],
  ['F', 'seed 002, L6233', 'Interventi per l’inclusione e l’alfabetizzazione digitale'],
  ['G', 'seed 002, L6605', 'Contrasto e prevenzione della dispersione scolastica'],
  ['H', 'seed 003, L3927-L3928', '• Contrasto alle difficoltà socioeconomiche dei giovani e \nloro inserimento nel mondo del lavoro'],
  ['I', 'seed 002, L7867-L7869', 'Invertire alcuni trend che minacciano la coesione \n\nsociale del territorio'],
  ['J', 'seed 003, L4744-L4745', '• Filiera integrata che accompagni la persona nel percorso \ndi vita fino al Dopo di Noi'],
  ['K', 'seed 002, L11893-L11895', 'Applicazione di strumenti e processi di digitalizzazione \n\nper la gestione/organizzazione dell’Ambito.'],
];

/**
 * The skeleton of every Piano Sociale Territoriale di ATS in the Marche guidelines (seed 001): the index
 * "INDICE DEI PIANI SOCIALI TERRITORIALI DI ATS" (L7-L92) and the body headings (L94-L561), in order.
 * [depth, number, title, source line in the body]. The four parts of each section of Objective A are printed in the
 * body only (L228-L353); the third objective is "OBIETTIVO C." in the body (L544) and in the list of objectives
 * (L116), "OBIETTIVO D." in the index (L88): the template follows the body.
 */
const A_PARTS = ['Analisi', 'Obiettivi', 'Strategia', 'Valutazione'];
const B_PARTS = ['Analisi', 'Obiettivi', 'Strategia operativa', 'Valutazione partecipata dei processi e dei risultati'];
const MARCHE_SKELETON: [depth: number, number: string | null, title: string, line: number, parts?: string[]][] = [
  [0, null, 'INTRODUZIONE', 94],
  [1, null, 'Premessa', 96],
  [1, null, 'Riferimenti normativi, si elencano', 101],
  [1, null, 'Finalità e obiettivi della programmazione sociale di ATS', 108],
  [1, null, 'Metodologia della programmazione territoriale', 118],
  [1, null, 'Destinatari', 191],
  [1, null, 'Trasparenza nella comunicazione e nei processi', 196],
  [1, null, 'Glossario sociale essenziale', 200],
  [0, null, 'OBIETTIVO A. CONSOLIDAMENTO ATS', 207],
  [1, '1', "IDENTITA'", 219],
  [2, '1.1', "Identità dell'ATS:", 221],
  [2, '1.2', 'Confini di ATS e coincidenza territoriale (OS1- A6)', 226, A_PARTS],
  [2, '1.3', 'Gestione associata (OS1- A4)', 233, A_PARTS],
  [1, '2', 'PROGRAMMAZIONE INTEGRATA', 241],
  [2, '2.1', 'Programmazione sociale territoriale integrata socio-sanitaria -UU.OO.SeS. (OS1- A2, OS2 - A2)', 243, A_PARTS],
  [2, '2.2', 'Programmazione integrata e reti territoriali di ATS (AS2- A1)', 250, A_PARTS],
  [2, '2.3', "Attivazione tavoli di ATS per l'inclusione sociale (OS3- A2)", 257, A_PARTS],
  [1, '3', 'COORDINATORE E STAFF', 264],
  [2, '3.1', "Rafforzamento della figura del coordinatore di ATS e dei vari profili di risorse umane all'interno dell'ATS (OS1- A3)", 266, A_PARTS],
  [2, '3.2', 'Formazione e aggiornamento del personale integrati tra servizi (OS5- A1)', 273, A_PARTS],
  [2, '3.3', 'Rafforzamento delle relazioni tra ATS e Regione (aspetti tecnici e politici) (OS1- A1)', 290, A_PARTS],
  [1, '4', 'SERVIZI', 297],
  [
    2,
    '4.1',
    'Standard dei livelli minimi di ATS (standard organizzativi, delle figure professionali e dei livelli minimi di servizi non residenziali) in relazione alle diverse aree di intervento (OS4 – A1)',
    299,
    A_PARTS,
  ],
  [2, '4.2', 'Regolazione in accesso ai servizi e compartecipazione alle spese (OS4- A2. OS4- A3)', 306, A_PARTS],
  [2, '4.3', "Titoli validi per l'acquisizione dei servizi (OS4- A4)", 313, A_PARTS],
  [2, '4.4', 'Affidamento dei servizi nella logica partecipativa territoriale (OS4- A5)', 320, A_PARTS],
  [1, '5', 'GESTIONE', 339],
  [2, '5.1', 'Sistema informativo locale (OS6- A1. OS6- A2) (per comunicazione e rendicontazione interna ed esterna)', 341, A_PARTS],
  [2, '5.2', 'Monitoraggio e Valutazione delle azioni di ATS (OS3 – A3)', 348, A_PARTS],
  [0, null, "OBIETTIVO B. SVILUPPARE SPECIFICHE POLITICHE DI SETTORE IN MODALITA' PARTECIPATA", 359],
  [1, '1', "Lotta all'esclusione sociale, fragilità e alla povertà", 365, B_PARTS],
  [1, '2', 'Prevenzione contrasto alla violenza di genere', 385, B_PARTS],
  [1, '3', 'Sostegno alle persone in situazione di non autosufficienza', 405, B_PARTS],
  [1, '4', "Sostegno all'invecchiamento attivo", 425, B_PARTS],
  [1, '5', 'Sostegno alle persone con disabilità', 444, B_PARTS],
  [1, '6', 'Sostegno alle capacità genitoriali', 464, B_PARTS],
  [1, '7', 'Politiche per la casa e tematiche legate al disagio abitativo', 484, B_PARTS],
  [1, '8', 'Politiche legate alla promozione della pratica sportiva e motoria per tutte le età e per tutti.', 504, B_PARTS],
  [1, '9', 'Sostegno ai giovani e applicazione della normativa nazionale che riforma il servizio civile universale.', 524, B_PARTS],
  [0, null, 'OBIETTIVO C. REALIZZARE INNOVAZIONE TERRITORIALE LOCALE E PARTECIPATA PER RISPONDERE AI BISOGNI SPECIFICI DELLA POPOLAZIONE', 544],
  [1, 'D.1', 'Costruzione del nuovo sistema di analisi dei bisogni sociali', 548],
  [1, 'D.2', 'Presupposti di innovazione territoriale', 552],
  [1, 'D.3', 'Per le aree del sisma:', 558],
];

// ---------------------------------------------------------------------------------------------------------------
// Shipped files

test('each shipped template parses and its id is its file name', () => {
  for (const name of SHIPPED) {
    const template = load(name);
    assert.equal(`${template.id}.json`, name);
    assert.equal(template.version, '1.0.0');
    assert.deepEqual(
      template.statusWorkflow.map((s) => s.status),
      [...PLAN_STATUSES],
    );
    assert.deepEqual(
      template.statusWorkflow.map((s) => s.label),
      ['Bozza', 'In consultazione', 'Adottato', 'Trasmesso', 'In attuazione', 'Chiuso'],
    );
  }
});

test('the shipped templates carry their region, legal basis and three-year period', () => {
  const lombardia = load('lombardia-dgr-xii-2167-2024.json');
  assert.equal(lombardia.region, '03');
  assert.deepEqual([lombardia.legalBasis.act, lombardia.legalBasis.date], ['D.G.R. XII/2167', '2024-04-15']);
  assert.deepEqual([lombardia.periodYears, lombardia.firstYear], [3, 2025]);
  const marche = load('marche-linee-guida-pst.json');
  assert.equal(marche.region, '11');
  assert.equal(marche.legalBasis.date, null, 'seed 001 gives neither the number nor the date of the act');
  assert.deepEqual([marche.periodYears, marche.firstYear], [3, null]);
  const generic = load('generico.json');
  assert.equal(generic.region, null);
  assert.equal(generic.periodYears, 3);
});

// ---------------------------------------------------------------------------------------------------------------
// Lombardy, D.G.R. XII/2167/2024

test('the Lombardy objective card has the 26 rows in the regional order, with the keys the plan module uses', () => {
  const card = load('lombardia-dgr-xii-2167-2024.json').objectiveCard;
  assert.equal(card.title, 'SCHEDA DESCRIZIONE NUOVI OBIETTIVI');
  assert.equal(card.fields.length, 26);
  assert.deepEqual(
    card.fields.map((f) => f.key),
    LOMBARDY_CARD_KEYS,
  );
});

test('every Lombardy card label is the text printed on the regional card', () => {
  const fields = fieldsByKey(load('lombardia-dgr-xii-2167-2024.json').objectiveCard);
  assert.equal(PRINTED_CARD_LABELS.length, 26);
  for (const { key, source, printed: raw } of PRINTED_CARD_LABELS) {
    assert.equal(fields.get(key)?.label, printed(raw), `${key} (${source})`);
  }
});

test('the Lombardy card fields have the answer types their rows ask for', () => {
  const fields = fieldsByKey(load('lombardia-dgr-xii-2167-2024.json').objectiveCard);
  const typeOf = (key: string) => fields.get(key)?.type;
  assert.equal(typeOf('azioni_programmate'), 'actions');
  assert.equal(typeOf('risorse_economiche'), 'money');
  assert.equal(typeOf('trasversale_aree_policy'), 'policy_areas');
  assert.equal(typeOf('punti_chiave'), 'key_points');
  assert.equal(typeOf('continuita_progetto_premiale'), 'yesno');
  assert.deepEqual([fields.get('modalita_organizzative')?.type, fields.get('modalita_organizzative')?.indicatorLevel], ['indicators', 'process']);
  assert.deepEqual([fields.get('risultati_attesi')?.type, fields.get('risultati_attesi')?.indicatorLevel], ['results', 'output']);
  assert.deepEqual([fields.get('impatto')?.type, fields.get('impatto')?.indicatorLevel], ['indicators', 'outcome']);
  for (const key of ['asst_realizzazione', 'cooperazione_altri_ambiti', 'co_progettato_terzo_settore', 'altri_attori_rete']) {
    assert.equal(fields.get(key)?.detailsRequiredIfYes, true, key);
  }
  assert.equal(fields.get('modalita_coinvolgimento_terzo_settore')?.required, false, '«(se pertinente)»');
});

test('the Lombardy option lists are the values printed in the seeds', () => {
  const template = load('lombardia-dgr-xii-2167-2024.json');
  const fields = fieldsByKey(template.objectiveCard);
  // Seed 003 L4803-L4809: the three printed choices of row 13, in order.
  const nuovoServizio = fields.get('nuovo_servizio')!.options!;
  assert.deepEqual(nuovoServizio, ['Servizio già presente', 'Servizio sostanzialmente rivisto/aggiornato', 'Nuovo servizio']);
  assert.ok(printed(SEED_003_NUOVO_SERVIZIO).endsWith(nuovoServizio.join(' ')));
  // Seed 003 L4100-L4103: "BISOGNO CONSOLIDATO/NUOVO BISOGNO", printed in capitals.
  const bisogno = fields.get('bisogno_consolidato_o_nuovo')!;
  assert.deepEqual(bisogno.options, ['Bisogno consolidato', 'Nuovo bisogno']);
  assert.ok(printed(SEED_003_BISOGNO).includes(bisogno.options!.join('/').toUpperCase()));
  assert.ok(printed(SEED_003_BISOGNO).startsWith(bisogno.label));
  // Row 21 offers the two types named in its question; an objective can be both.
  const tipo = fields.get('promozionale_o_riparativo')!;
  assert.equal(tipo.type, 'multichoice');
  assert.deepEqual(tipo.options, ['Promozionale/preventivo', 'Riparativo']);
  assert.ok(tipo.label.includes(tipo.options!.join(' o ').toUpperCase()));
  // LEPS card: "Integrazione sociosanitaria ASST" (seed 003 L2236) and "… ATS e ASST" (L2301).
  const leps = fieldsByKey(template.lepsCard!);
  assert.deepEqual(leps.get('integrazione_sociosanitaria')?.options, ['ASST', 'ATS e ASST']);
  assert.ok(printed(SEED_003_LEPS_1).endsWith('Integrazione sociosanitaria ASST'));
  assert.ok(printed(SEED_003_LEPS_2).endsWith('Integrazione sociosanitaria ATS e ASST'));
  assert.deepEqual(
    leps.get('leps')?.options,
    template.lepsCard!.priorityLeps.map((l) => l.name),
  );
});

test('the Lombardy card keeps the guidance printed under its labels as help', () => {
  const fields = fieldsByKey(load('lombardia-dgr-xii-2167-2024.json').objectiveCard);
  assert.equal(fields.get('risorse_economiche')?.help, 'Importo, anche approssimativo. Se possibile distinguere tra pubbliche e private');
  assert.equal(fields.get('risorse_personale')?.help, 'Chi è impegnato e con quali funzioni');
  assert.equal(fields.get('bisogni')?.help, 'Indicatori input derivati dall’analisi del bisogno');
  assert.equal(fields.get('altri_attori_rete')?.help, 'SI/NO (se sì, quali e le modalità di cooperazione)');
  assert.match(fields.get('impatto')!.help!, /Individuazione di una batteria di indicatori di outcome$/);
});

test('the Lombardy chapters are chapters 1 to 7 of the DGR XII/2167/2024 format, with section 5 split by macro-area', () => {
  const template = load('lombardia-dgr-xii-2167-2024.json');
  const flat = flattenChapters(template.chapters).map(({ chapter, depth }) =>
    depth === 0 ? `${chapter.number}. ${chapter.title}` : `${chapter.number} ${chapter.title}`,
  );
  assert.deepEqual(
    flat,
    GALLARATE_HEADINGS.map(([, raw]) => printed(raw)),
  );
  const sections = template.chapters.find((c) => c.number === '5')!.children;
  assert.ok(sections.every((s) => s.contains === 'objective_cards' && s.macroArea));
  assert.deepEqual(
    template.macroAreas.map((m) => m.policyAreas.join()),
    ['', 'A', 'B', 'D', 'E', 'G', 'H', 'I', 'J', 'K'],
  );
  const contents = flattenChapters(template.chapters).filter(({ chapter }) => chapter.contains && !chapter.macroArea);
  assert.deepEqual(
    contents.map(({ chapter }) => [chapter.number, chapter.contains]),
    [
      ['1.2', 'evaluation_grid'],
      ['1.3', 'previous_plan_evaluation'],
      ['7.1', 'leps_cards'],
    ],
  );
});

test('the Lombardy policy areas are A, B and D to K, named as in the regional guidelines', () => {
  const areas = load('lombardia-dgr-xii-2167-2024.json').policyAreas;
  assert.deepEqual(
    areas.map((a) => a.code),
    ['A', 'B', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K'],
  );
  for (const [code, source, raw] of SEBINO_POLICY_AREA_HEADINGS) {
    assert.equal(areas.find((a) => a.code === code)?.name, printed(raw), `${code} (${source})`);
  }
});

test('the Lombardy key points are the ones printed in the cards, one spelling each', () => {
  const areas = load('lombardia-dgr-xii-2167-2024.json').policyAreas;
  for (const [code, source, raw] of PRINTED_KEY_POINTS) {
    const vocabulary = areas.find((a) => a.code === code)!.keyPoints;
    for (const line of raw.split(/\n(?!\n)(?=[A-Z•])/)) {
      const point = printed(line.replace(/^•/, '')).replace(/\.$/, '');
      assert.ok(vocabulary.includes(point), `${code}: «${point}» (${source})`);
    }
  }
  assert.deepEqual(
    areas.map((a) => a.keyPoints.length),
    [10, 5, 9, 11, 4, 7, 5, 10, 6, 3],
  );
  const all = areas.flatMap((a) => a.keyPoints);
  assert.ok(!all.some((p) => p.includes('coprogrammazione')), 'one spelling: «co-programmazione»');
  assert.ok(all.filter((p) => p === 'Allargamento della rete e co-programmazione').length === 8);
});

test('the evaluation grid is the Schema di valutazione of DGR XII/2167/2024 as printed in the Gallarate plan', () => {
  const grid = load('lombardia-dgr-xii-2167-2024.json').evaluationGrid!;
  const schema = printed(SEED_002_SCHEMA_DI_VALUTAZIONE);
  assert.equal(grid.dimensions.length, 8);
  let cursor = 0;
  for (const d of grid.dimensions) {
    const at = schema.indexOf(d.label, cursor);
    assert.ok(at >= cursor, `«${d.label}» printed after the previous dimension`);
    cursor = at + d.label.length;
    for (const item of [d.formula?.text, ...(d.bands ?? []).map((b) => b.label), ...(d.options ?? []), d.help]) {
      if (item) assert.ok(schema.includes(item), `«${item}» printed in the grid`);
    }
  }
  const [achievement, , adequacy, spending] = grid.dimensions;
  assert.equal(achievement!.group, 'DIMENSIONE OUTPUT');
  assert.equal(achievement!.formula!.text, '(n. azioni realizzate*100)/n. azioni programmate');
  assert.deepEqual(
    achievement!.bands!.map((b) => b.label),
    ['0% (nullo)', '1-49% (insufficiente)', '50-79% (sufficiente)', '80-99% (buono)', '100% (ottimo)'],
  );
  assert.deepEqual(adequacy!.options, ['Gravemente inadeguato', 'Inadeguato', 'Sufficientemente adeguato', 'Adeguato', 'Perfettamente adeguato']);
  assert.equal(spending!.formula!.text, '(pagato*100)/preventivato');
  assert.deepEqual(
    spending!.bands!.map((b) => b.label),
    ['<100% (non realizzato come programmato o sovrastimato)', '100% (ottimo)', '>100% (sottostimato)'],
  );
  assert.deepEqual(grid.summary, { label: 'grado di raggiungimento medio', dimension: 'grado_raggiungimento', method: 'mean' });
});

test('the achievement bands grade the Gallarate 2021-2023 objectives as the plan did', () => {
  const bands = load('lombardia-dgr-xii-2167-2024.json').evaluationGrid!.dimensions[0]!.bands!;
  const grade = (realised: number, planned: number) => bandFor(bands, (realised * 100) / planned)?.grade;
  assert.equal(grade(4, 5), 'buono', 'objective A, 80% (seed 002, §1.3 from L1316)');
  assert.equal(grade(3, 4), 'sufficiente', 'objectives B, C and 2, 75%');
  assert.equal(grade(1, 5), 'insufficiente', 'objective E, 20% (seed 002, L1946-L1947)');
  assert.equal(grade(4, 6), 'sufficiente', 'objective G, 67%');
  assert.equal(grade(1, 3), 'insufficiente', 'objectives M and O, 33%');
  assert.equal(grade(3, 3), 'ottimo', 'objective 1, 100%');
  assert.equal(grade(0, 4), 'nullo');
  // "il grado di raggiungimento medio è pari al 76,56% (sufficiente)" (seed 002 L2945): the mean of the 16 grades.
  const grades = [100, 75, 80, 75, 75, 100, 20, 100, 400 / 6, 100, 100, 100, 100 / 3, 200 / 3, 100 / 3, 100];
  const mean = grades.reduce((a, b) => a + b, 0) / grades.length;
  assert.equal(Math.round(mean * 100) / 100, 76.56);
  assert.equal(bandFor(bands, mean)?.label, '50-79% (sufficiente)');
});

test('the spending-coincidence bands separate under-, exact and over-spending', () => {
  const bands = load('lombardia-dgr-xii-2167-2024.json').evaluationGrid!.dimensions[3]!.bands!;
  // Objective C action 3 (seed 002, L1753-L1755): € 16.600 paid against € 16.000 budgeted, in cents.
  assert.equal(bandFor(bands, (1_660_000 * 100) / 1_600_000)?.grade, 'sottostimato');
  assert.equal(bandFor(bands, 80)?.grade, 'non realizzato come programmato o sovrastimato', 'objective B, 80% (seed 002, L1541)');
  assert.equal(bandFor(bands, 100)?.grade, 'ottimo');
});

test('the five priority LEPS carry the yearly ranges of the regional guidelines', () => {
  const template = load('lombardia-dgr-xii-2167-2024.json');
  const leps = template.lepsCard!.priorityLeps;
  // Each LEPS: its name, how many indicators (20 in all), the health bodies it integrates with, its funding.
  assert.deepEqual(
    leps.map((l) => [l.name, l.indicators.length, l.healthIntegration, l.funding]),
    [
      ['Valutazione multidimensionale e progetto personalizzato', 3, 'ASST', 'Fondo Povertà, FNPS, PON inclusione; Piano operativo complementare'],
      ['Prevenzione dell’allontanamento familiare', 4, 'ATS e ASST', 'PNRR, FNPS'],
      ['Servizi sociali per le dimissioni protette', 6, 'ATS e ASST', 'PNRR, FNPS, PN Inclusione'],
      ['Punti Unici di Accesso (PUA) integrati e UVM: incremento operatori sociali', 4, 'ATS e ASST', 'FNA'],
      ['Incremento SAD', 3, 'ASST', 'FNA'],
    ],
  );
  const rules = (code: string, indicator: number) =>
    leps
      .find((l) => l.code === code)!
      .indicators[indicator]!.targets.map((t) => [t.year, t.rule?.type ?? '–', t.rule && 'value' in t.rule ? t.rule.value : ''].join(' ').trim());
  // Year, rule and value of each target ('–': the year has no target).
  const expected: [code: string, indicator: number, targets: string[], what: string][] = [
    // PUA: assessments with the Ambito social worker ≥ 50% (2025), ≥ 75% (2026), 100% (2027) — seed 002 L12059-L12065.
    ['4', 1, ['2025 gte_percent 50', '2026 gte_percent 75', '2027 gte_percent 100'], 'PUA'],
    // PIPPI: individual projects over assessments ≥ 40%, ≥ 60%, ≥ 80%.
    ['2', 1, ['2025 gte_percent 40', '2026 gte_percent 60', '2027 gte_percent 80'], 'PIPPI'],
    // Dimissioni protette: no 2025 target, then ≥ 50% and ≥ 75%; waiting time must fall year on year.
    ['3', 1, ['2025 –', '2026 gte_percent 50', '2027 gte_percent 75'], 'dimissioni protette, share'],
    ['3', 2, ['2025 baseline', '2026 lt_previous', '2027 lt_previous'], 'dimissioni protette, waiting time'],
  ];
  for (const [code, indicator, targets, what] of expected) assert.deepEqual(rules(code, indicator), targets, what);
  const years = leps.flatMap((l) => l.indicators.flatMap((i) => i.targets.map((t) => t.year)));
  assert.ok(years.every((y) => y >= template.firstYear! && y < template.firstYear! + template.periodYears));
});

// ---------------------------------------------------------------------------------------------------------------
// Marche

test('the Marche chapters are exactly the skeleton of the regional guidelines, in order', () => {
  const template = load('marche-linee-guida-pst.json');
  const expected: [number, string | null, string][] = [];
  for (const [depth, number, title, , parts] of MARCHE_SKELETON) {
    expected.push([depth, number, title]);
    for (const part of parts ?? []) expected.push([depth + 1, null, part]);
  }
  assert.deepEqual(
    flattenChapters(template.chapters).map(({ chapter, depth }) => [depth, chapter.number, chapter.title]),
    expected,
  );
});

test('every Marche section with the four parts collects its objectives under «Obiettivi»', () => {
  const template = load('marche-linee-guida-pst.json');
  const withParts = flattenChapters(template.chapters).filter(({ chapter }) => chapter.children.some((c) => c.title === 'Analisi'));
  assert.equal(withParts.length, 14 + 9);
  for (const { chapter } of withParts) {
    assert.deepEqual(
      chapter.children.map((c) => c.contains ?? null),
      [null, 'objective_cards', null, null],
      chapter.title,
    );
  }
  const innovation = template.chapters[3]!.children;
  assert.ok(innovation.every((c) => c.contains === 'objective_cards'));
});

test('the Marche sections point to the strategic objectives and system actions of the regional social plan', () => {
  const template = load('marche-linee-guida-pst.json');
  const codes = template.regionalPlanCodes!;
  assert.deepEqual(codes.source, { act: 'Piano Sociale Regionale 2020-2022', date: '2020-05-12' });
  assert.deepEqual(
    codes.objectives.map((o) => o.code),
    ['OS1', 'OS2', 'OS3', 'OS4', 'OS5', 'OS6', 'OS7'],
  );
  assert.equal(codes.objectives[0]!.name, 'Rafforzamento del sistema degli Ambiti Territoriali Sociali');
  const byTitle = new Map(flattenChapters(template.chapters).map(({ chapter }) => [chapter.title, chapter.regionalPlanCodes ?? []]));
  assert.deepEqual(byTitle.get('Confini di ATS e coincidenza territoriale (OS1- A6)'), ['OS1-A6']);
  assert.deepEqual(byTitle.get('Programmazione integrata e reti territoriali di ATS (AS2- A1)'), ['OS2-A1'], 'printed «AS2- A1»');
  assert.deepEqual(byTitle.get('Regolazione in accesso ai servizi e compartecipazione alle spese (OS4- A2. OS4- A3)'), ['OS4-A2', 'OS4-A3']);
  assert.deepEqual(byTitle.get('Per le aree del sisma:'), ['OS7-A1', 'OS7-A2']);
  // Every code printed in a heading of Objective A is linked, the same way it is printed.
  for (const { chapter } of flattenChapters(template.chapters[1]!.children)) {
    const printedCodes = [...chapter.title.matchAll(/\((?:OS|AS)\d[^)]*\)/g)].flatMap((m) =>
      [...m[0].matchAll(/[OA]S(\d)\s*[-–]\s*A(\d)/g)].map((c) => `OS${c[1]}-A${c[2]}`),
    );
    assert.deepEqual(chapter.regionalPlanCodes ?? [], printedCodes, chapter.title);
  }
  const options = fieldsByKey(template.objectiveCard).get('codici_piano_sociale_regionale')!.options!;
  assert.deepEqual(
    options,
    codes.objectives.flatMap((o) => [o.code, ...o.actions.map((a) => a.code)]),
  );
});

test('the Marche sector policies are the policy areas of Objective B', () => {
  const template = load('marche-linee-guida-pst.json');
  const policies = template.chapters[2]!.children;
  assert.deepEqual(
    template.policyAreas.map((a) => [a.code, a.name]),
    policies.map((p, i) => [`B.${i + 1}`, p.title]),
  );
  assert.ok(policies.every((p, i) => p.policyAreas?.join() === `B.${i + 1}`));
});

// ---------------------------------------------------------------------------------------------------------------
// Generic

test('the generic template has a simple card with the common fields and no regional parts', () => {
  const template = load('generico.json');
  assert.deepEqual(
    template.objectiveCard.fields.map((f) => [f.key, f.type]),
    [
      ['titolo_intervento', 'text'],
      ['obiettivi', 'text'],
      ['aree_policy', 'policy_areas'],
      ['bisogni', 'text'],
      ['target', 'text'],
      ['azioni_programmate', 'actions'],
      ['risorse_economiche', 'money'],
      ['risorse_personale', 'text'],
      ['indicatori', 'indicators'],
      ['risultati_attesi', 'results'],
    ],
  );
  assert.deepEqual([template.lepsCard, template.evaluationGrid, template.regionalPlanCodes], [null, null, null]);
  assert.deepEqual(
    template.chapters.map((c) => c.number),
    ['1', '2', '3', '4', '5', '6', '7'],
  );
  assert.deepEqual(
    template.policyAreas.map((a) => a.name),
    ['Disabilità', 'Minori e famiglia', 'Anziani', 'Salute mentale', 'Inclusione sociale', 'Immigrazione', 'Giovani'],
  );
});

test('the example in docs/templates.md is a valid template', () => {
  const guide = readFileSync(new URL('../../../docs/templates.md', import.meta.url), 'utf8');
  const example = /```json\n([\s\S]*?)\n```/.exec(guide);
  assert.ok(example, 'the guide has a JSON example');
  const template = parseTemplate('docs/templates.md', example[1]!);
  assert.equal(template.id, 'esempio-regione');
  assert.equal(flattenChapters(template.chapters).filter(({ chapter }) => chapter.contains === 'objective_cards').length, 2);
});

// ---------------------------------------------------------------------------------------------------------------
// Malformed files

test('a file that is not JSON is refused with the line and column of the mistake', () => {
  const issues = refusal(() => {}, '{\n  "id": "x",\n  "version" "1.0.0"\n}');
  assert.equal(issues.length, 1);
  assert.equal(issues[0]!.path, 'lombardia.json, riga 3, colonna 13');
  assert.match(issues[0]!.message, /^il file non è un JSON valido/);
});

test('a duplicate field key is refused at the second field, naming the first', () => {
  const issues = refusal((t) => {
    t.objectiveCard.fields[12].key = 'target';
  });
  assert.deepEqual(issues, [{ path: 'lombardia.json, objectiveCard.fields[12].key', message: 'chiave «target» già usata dal campo 4' }]);
});

test('an unknown field type is refused at the path of its type', () => {
  const issues = refusal((t) => {
    t.objectiveCard.fields[3].type = 'textarea';
  });
  assert.deepEqual(paths(issues), ['lombardia.json, objectiveCard.fields[3].type']);
  assert.match(issues[0]!.message, /^tipo di campo non previsto \(ammessi: text, yesno, yesno_text, choice/);
});

test('a choice without options is refused, and options on a field that takes none too', () => {
  const issues = refusal((t) => {
    delete t.objectiveCard.fields[12].options;
    t.objectiveCard.fields[0].options = ['a'];
    t.lepsCard.fields[4].options = [];
  });
  assert.deepEqual(issues, [
    { path: 'lombardia.json, objectiveCard.fields[0].options', message: '«options» vale solo per i campi choice e multichoice, non per «text»' },
    { path: 'lombardia.json, objectiveCard.fields[12].options', message: 'un campo di tipo «choice» deve elencare in «options» almeno un valore ammesso' },
    { path: 'lombardia.json, lepsCard.fields[4].options', message: 'un campo di tipo «choice» deve elencare in «options» almeno un valore ammesso' },
  ]);
});

test('a repeated option is refused at its position', () => {
  const issues = refusal((t) => {
    t.objectiveCard.fields[20].options = ['Promozionale/preventivo', 'Riparativo', 'Riparativo'];
  });
  assert.deepEqual(issues, [{ path: 'lombardia.json, objectiveCard.fields[20].options[2]', message: 'valore «Riparativo» già elencato (posizione 2)' }]);
});

test('a version that is not semver is refused', () => {
  for (const version of ['1.0', 'v1.0.0', '01.0.0', '1.0.0.1']) {
    const issues = refusal((t) => {
      t.version = version;
    });
    assert.deepEqual(
      issues,
      [{ path: 'lombardia.json, version', message: 'versione non valida: usa il formato semver MAGGIORE.MINORE.PATCH (es. 1.0.0)' }],
      version,
    );
  }
  assert.doesNotThrow(() => acceptedWith((t) => (t.version = '2.1.0-rc.1+20240415')));
});

test('a misspelt property is refused by name rather than ignored', () => {
  const issues = refusal((t) => {
    t.objectiveCard.fields[1].lable = t.objectiveCard.fields[1].label;
  });
  assert.deepEqual(issues, [{ path: 'lombardia.json, objectiveCard.fields[1].lable', message: 'Chiave non riconosciuta: "lable"' }]);
});

test('a region that is not an ISTAT region code is refused', () => {
  const issues = refusal((t) => {
    t.region = '3';
  });
  assert.deepEqual(paths(issues), ['lombardia.json, region']);
  assert.deepEqual(
    paths(
      refusal((t) => {
        t.region = '21';
      }),
    ),
    ['lombardia.json, region'],
  );
});

test('a status workflow that skips or reorders a status is refused', () => {
  const skipped = refusal((t) => {
    t.statusWorkflow.splice(3, 1);
  });
  assert.equal(skipped.length, 1);
  assert.equal(skipped[0]!.path, 'lombardia.json, statusWorkflow[3].status');
  assert.match(skipped[0]!.message, /draft → consultation → adopted → transmitted → implementation → closed/);
  const unknown = refusal((t) => {
    t.statusWorkflow[5].status = 'archived';
  });
  assert.deepEqual(paths(unknown), ['lombardia.json, statusWorkflow[5].status']);
});

test('chapters that repeat a key or point to a missing macro-area, policy area or regional code are refused', () => {
  const issues = refusal((t) => {
    t.chapters[4].children[2].key = '5.2';
    t.chapters[4].children[3].macroArea = 'digitalizzazione';
    t.chapters[1].policyAreas = ['C'];
    t.chapters[0].regionalPlanCodes = ['OS1-A1'];
  });
  assert.deepEqual(issues, [
    { path: 'lombardia.json, chapters[0].regionalPlanCodes[0]', message: 'codice «OS1-A1» assente in «regionalPlanCodes»' },
    { path: 'lombardia.json, chapters[1].policyAreas[0]', message: 'area di policy «C» inesistente (aree definite: A, B, D, E, F, G, H, I, J, K)' },
    { path: 'lombardia.json, chapters[4].children[2].key', message: 'chiave «5.2» già usata dal capitolo chapters[4].children[1]' },
    {
      path: 'lombardia.json, chapters[4].children[3].macroArea',
      message:
        'macro-area «digitalizzazione» inesistente (definite: trasversali, poverta, abitative, domiciliarita, anziani, giovani-minori, lavoro, famiglia, disabilita, sistema)',
    },
  ]);
});

test('a template without a chapter for the objective cards is refused', () => {
  const issues = refusal((t) => {
    for (const section of t.chapters[4].children) delete section.contains;
  });
  assert.deepEqual(issues, [
    { path: 'lombardia.json, chapters', message: 'almeno un capitolo deve raccogliere le schede obiettivo («contains»: "objective_cards")' },
  ]);
});

test('a chapter for LEPS cards or the evaluation grid needs the card or grid it shows', () => {
  const issues = refusal((t) => {
    t.lepsCard = null;
    t.evaluationGrid = null;
  });
  assert.deepEqual(paths(issues), [
    'lombardia.json, chapters[0].children[1].contains',
    'lombardia.json, chapters[0].children[2].contains',
    'lombardia.json, chapters[6].children[0].contains',
  ]);
});

test('evaluation bands with a gap or an overlap are refused', () => {
  const gap = refusal((t) => {
    t.evaluationGrid.dimensions[0].bands[2].min = 51;
  });
  assert.deepEqual(gap, [
    {
      path: 'lombardia.json, evaluationGrid.dimensions[0].bands[2].min',
      message: 'la fascia deve iniziare da 50 incluso, dove finisce la precedente, senza buchi né sovrapposizioni',
    },
  ]);
  const overlap = refusal((t) => {
    t.evaluationGrid.dimensions[3].bands[1].minInclusive = false;
  });
  assert.deepEqual(paths(overlap), ['lombardia.json, evaluationGrid.dimensions[3].bands[1]', 'lombardia.json, evaluationGrid.dimensions[3].bands[1].min']);
  const noBands = refusal((t) => {
    delete t.evaluationGrid.dimensions[0].bands;
  });
  assert.deepEqual(noBands, [{ path: 'lombardia.json, evaluationGrid.dimensions[0].bands', message: 'una dimensione «computed_band» deve elencare le fasce' }]);
});

test('LEPS targets outside the years of the plan are refused', () => {
  const issues = refusal((t) => {
    t.lepsCard.priorityLeps[4].indicators[1].targets[0].year = 2028;
  });
  assert.deepEqual(issues, [
    { path: 'lombardia.json, lepsCard.priorityLeps[4].indicators[1].targets[0].year', message: 'anno 2028 fuori dal periodo del piano (2025-2027)' },
  ]);
});

test('a key-point field needs a vocabulary of key points or permission for others', () => {
  const issues = refusal((t) => {
    for (const area of t.policyAreas) area.keyPoints = [];
    t.objectiveCard.fields[7].allowOther = false;
  });
  assert.deepEqual(issues, [
    {
      path: 'lombardia.json, objectiveCard.fields[7].type',
      message: 'un campo «key_points» richiede punti chiave in «policyAreas» (oppure «allowOther»: true)',
    },
  ]);
});

test('all the problems of a file are reported together, each with its own path', () => {
  const issues = refusal((t) => {
    t.id = 'Lombardia 2025';
    t.legalBasis.date = '2024-02-30';
    t.periodYears = 0;
    t.objectiveCard.fields[8].required = 'sì';
  });
  assert.deepEqual(paths(issues), [
    'lombardia.json, id',
    'lombardia.json, legalBasis.date',
    'lombardia.json, periodYears',
    'lombardia.json, objectiveCard.fields[8].required',
  ]);
  assert.equal(issues[1]!.message, 'data inesistente');
});

test('the refusal message names the file and counts the problems', () => {
  const data = JSON.parse(readFixture('generico.json'));
  data.version = 'uno';
  data.chapters = [];
  assert.throws(
    () => parseTemplate('generico.json', JSON.stringify(data)),
    (error: unknown) => error instanceof ValidationError && error.message === 'Il modello generico.json non è stato caricato: ci sono 3 errori.',
  );
});

/** Like `refusal`, for mutations that must be accepted. */
function acceptedWith(mutate: (t: Record<string, any>) => void): PlanTemplate {
  const data = JSON.parse(readFixture('lombardia-dgr-xii-2167-2024.json'));
  mutate(data);
  return parseTemplate('lombardia.json', JSON.stringify(data));
}

test('the adoption rules are data of the template: the adopting body, the completeness rules, what counts as a minor change', () => {
  const lombardy = load('lombardia-dgr-xii-2167-2024.json');
  assert.equal(lombardy.adoption?.bodyType, 'assemblea_sindaci');
  assert.deepEqual(
    lombardy.adoption?.completeness.map((r) => r.rule),
    ['min_objectives', 'required_card_fields', 'actions_per_objective', 'indicators_per_action', 'budget_per_objective'],
  );
  assert.ok(lombardy.adoption?.minorChanges.includes('card.target'));
  assert.ok(lombardy.adoption?.minorChanges.includes('links'), 'the LEPS, Agenda 2030 and continuity links classify an objective: a minor change');
  assert.deepEqual(
    refusal((t) => t.adoption.completeness.push({ rule: 'every_page_signed' })).map((i) => i.path),
    ['lombardia.json, adoption.completeness[5].rule'],
  );
  assert.deepEqual(
    refusal((t) => t.adoption.minorChanges.push('card.colore')),
    [{ path: 'lombardia.json, adoption.minorChanges[6]', message: 'campo «colore» inesistente nella scheda obiettivo' }],
  );
});

// ---------------------------------------------------------------------------------------------------------------
// The planning path a template proposes (participation adopts it)

test('each shipped template proposes a planning path that ends with the mayors’ approval and the transmission', () => {
  const keys = Object.fromEntries(SHIPPED.map((name) => [name, load(name).participationPath?.map((s) => `${s.key}:${s.closingBodyType}`)]));
  assert.deepEqual(keys, {
    'lombardia-dgr-xii-2167-2024.json': [
      'conoscenza:ufficio_di_piano',
      'coprogrammazione:tavolo_terzo_settore',
      'sintesi:ufficio_di_piano',
      'approvazione:assemblea_sindaci',
      'accordo:assemblea_sindaci',
      'trasmissione:ufficio_di_piano',
    ],
    'marche-linee-guida-pst.json': [
      'analisi_bisogni:ufficio_di_piano',
      'gruppi_tematici:tavolo_tematico',
      'stesura:ufficio_di_piano',
      'approvazione:assemblea_sindaci',
      'trasmissione:ufficio_di_piano',
    ],
    'generico.json': [
      'conoscenza:ufficio_di_piano',
      'tavoli_tematici:tavolo_tematico',
      'sintesi:ufficio_di_piano',
      'concertazione:tavolo_alto_concertazione',
      'obiettivi:assemblea_sindaci',
      'trasmissione:ufficio_di_piano',
    ],
  });
});

test('a proposed path with a repeated key, a bad body type or a bad duration is refused, naming the step', () => {
  const bad = JSON.parse(readFixture('generico.json'));
  bad.participationPath[1].key = bad.participationPath[0].key;
  bad.participationPath[2].closingBodyType = 'Ufficio di Piano';
  bad.participationPath[3].typicalDurationDays = 0;
  assert.throws(
    () => parseTemplate('generico.json', JSON.stringify(bad)),
    (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.deepEqual(e.issues.map((i) => i.path).sort(), [
        'generico.json, participationPath[1].key',
        'generico.json, participationPath[2].closingBodyType',
        'generico.json, participationPath[3].typicalDurationDays',
      ]);
      return true;
    },
  );
  delete bad.participationPath;
  assert.equal(parseTemplate('generico.json', JSON.stringify(bad)).participationPath, undefined);
});
