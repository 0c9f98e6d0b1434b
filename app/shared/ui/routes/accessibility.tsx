import { useI18n } from '../i18n.tsx';

export default function Accessibility() {
  const { t } = useI18n();
  return (
    <div className="row">
      <title>{`${t('a11y.title')} – Cantiere`}</title>
      <div className="col-lg-8">
        <h1>{t('a11y.title')}</h1>
        <p>
          Cantiere si impegna a rendere accessibile la propria applicazione, conformemente alla Legge 9 gennaio 2004, n. 4 e alle Linee guida AgID
          sull’accessibilità degli strumenti informatici, che recepiscono la norma UNI CEI EN 301549 e le WCAG 2.1 di livello AA.
        </p>
        <h2 className="h4">Stato di conformità</h2>
        <p>
          L’applicazione è <strong>parzialmente conforme</strong>: le pagine disponibili sono verificate a ogni modifica con controlli automatici (axe-core,
          regole WCAG 2.1 A e AA) e con prove di navigazione da sola tastiera; una verifica manuale completa con tecnologie assistive non è ancora stata svolta.
        </p>
        <h2 className="h4">Come è fatta</h2>
        <ul>
          <li>collegamenti per saltare al contenuto, alla navigazione e al piè di pagina;</li>
          <li>moduli con etichette esplicite, messaggi di errore collegati ai campi e annunciati;</li>
          <li>tabelle con intestazioni e didascalie; i grafici hanno sempre i dati anche in tabella;</li>
          <li>tutte le funzioni sono utilizzabili anche senza JavaScript.</li>
        </ul>
        <h2 className="h4">Segnalazioni</h2>
        <p>
          Per segnalare un problema di accessibilità scrivi all’Ufficio di Piano del tuo Ambito. Se la risposta non è soddisfacente puoi rivolgerti al Difensore
          civico per il digitale presso AgID.
        </p>
      </div>
    </div>
  );
}
