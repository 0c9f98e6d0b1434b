/** Forms of associated management of an Ambito's social services (shared by forms and validation). */
export const MANAGEMENT_FORMS = ['convenzione', 'consorzio', 'azienda_speciale_consortile', 'asp', 'unione_di_comuni', 'delega_asl', 'altro'] as const;

export const MANAGEMENT_FORM_LABELS: Record<(typeof MANAGEMENT_FORMS)[number], string> = {
  convenzione: 'Convenzione tra comuni (art. 30 TUEL)',
  consorzio: 'Consorzio',
  azienda_speciale_consortile: 'Azienda speciale consortile',
  asp: 'Azienda pubblica di servizi alla persona (ASP)',
  unione_di_comuni: 'Unione di comuni',
  delega_asl: 'Delega all’azienda sanitaria',
  altro: 'Altra forma',
};
