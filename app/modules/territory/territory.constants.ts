/** Forms of associated management of an Ambito's social services (shared by forms and validation; their names are
 * the dictionary keys `ambito.managementForm.<form>`). */
export const MANAGEMENT_FORMS = ['convenzione', 'consorzio', 'azienda_speciale_consortile', 'asp', 'unione_di_comuni', 'delega_asl', 'altro'] as const;
