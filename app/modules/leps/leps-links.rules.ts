/**
 * Which LEPS an objective's card names: the rule used to transcribe the links between plan objectives and LEPS
 * (`links.leps` of the plan exchange format) from the card content, and to point out on the LEPS dashboard an
 * objective whose card names a LEPS it is not linked to. Pure, no I/O.
 *
 * The rule reads what the objective *does* — its title («titolo intervento»), its goals («quali obiettivi vuole
 * raggiungere») and the description of its actions — never the context fields (needs, ASST involvement, impact),
 * where a LEPS is often cited without being programmed (e.g. «qualora ricorra… una valutazione multidimensionale»),
 * except the lines of any field that speak of LEPS explicitly (objective I, ASST row: «al raggiungimento dei LEPS
 * Prioritari: Valutazione multidimensionale… e Prevenzione dell’allontanamento familiare»). A LEPS is named when one
 * of its markers occurs there. The markers are the names of the services in L. 234/2021,
 * art. 1, cc. 162-170, in the Piano nazionale degli interventi e dei servizi sociali 2021-2023 and in the Lombardy
 * guidelines (DGR XII/2167/2024), with the abbreviations in use (SAD, PUA, P.I.P.P.I.); lett. b) of c. 162 defines
 * the relief services as those that «affiancano nella responsabilità del lavoro di cura i familiari», hence «carico
 * di cura». LEPS whose names are generic words («servizi di sostegno», «accesso») have no marker: those links are
 * set by hand in the objective's card.
 */
export const LEPS_MARKERS: Readonly<Record<string, readonly RegExp[]>> = {
  LEPS_PRONTO_INTERVENTO: [/pronto intervento sociale/i],
  LEPS_SAD: [/\bSAD\b/, /servizi[oi] di assistenza domiciliare/i],
  LEPS_SOLLIEVO: [/\bsollievo\b/i, /carico di cura/i],
  LEPS_DIMISSIONI_PROTETTE: [/dimissioni protette/i],
  LEPS_PUA: [/punt[oi] unic[oi] di accesso/i, /\bPUA\b/],
  LEPS_PREVENZIONE_ALLONTANAMENTO: [/allontanamento familiare/i, /\bP\.?I\.?P\.?P\.?I\.?(?![A-Za-z])/],
  LEPS_VALUTAZIONE_MULTIDIMENSIONALE: [/valutazione multidimensionale/i],
  LEPS_RESIDENZA_FITTIZIA: [/residenza fittizia/i],
  LEPS_ASSEGNO_INCLUSIONE: [/assegno di inclusione/i],
  LEPS_SERVIZIO_SOCIALE_PROFESSIONALE: [/servizio sociale professionale/i],
  LEPS_PERCORSO_ASSISTENZIALE_INTEGRATO: [/percorso assistenziale integrato/i],
  LEPS_SUPERVISIONE: [/supervisione del personale/i],
};

export interface CardContent {
  title: string;
  card?: Record<string, unknown> | null;
  actions?: readonly { description: string }[];
}

/** The text of a card value: a string, the text of a yes/no answer, the items of a list. */
function valueText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(valueText).join('\n');
  if (v && typeof v === 'object' && 'text' in v) return valueText((v as { text: unknown }).text);
  return '';
}

/**
 * The text the rule reads: title, «titolo intervento», «obiettivi», the actions' descriptions, and the lines of any
 * other card field that mention LEPS by that word.
 */
export function programmedText(o: CardContent): string {
  const card = o.card ?? {};
  const explicit = Object.entries(card)
    .filter(([k]) => k !== 'titolo_intervento' && k !== 'obiettivi')
    .flatMap(([, v]) => valueText(v).split('\n'))
    .filter((line) => /\bLEPS\b/.test(line));
  return [o.title, valueText(card['titolo_intervento']), valueText(card['obiettivi']), ...(o.actions ?? []).map((a) => a.description), ...explicit].join('\n');
}

/** The LEPS codes (of `catalogue`, in its order) whose markers occur in what the objective does. */
export function lepsNamedInCard(o: CardContent, catalogue: readonly string[] = Object.keys(LEPS_MARKERS)): string[] {
  const text = programmedText(o);
  return catalogue.filter((code) => (LEPS_MARKERS[code] ?? []).some((re) => re.test(text)));
}
