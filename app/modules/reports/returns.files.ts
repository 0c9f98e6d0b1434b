// The files of the returns (client-safe: the page links them, the file route serves them).
export const RETURN_FILES = [
  'assistenti-sociali-l178.csv',
  'sioss-servizi.csv',
  'sioss-enti-attuatori.csv',
  'fondi-nazionali.csv',
  'fondi-rettifiche.csv',
  'spesa-area-canale.csv',
  'fnps-matrice.csv',
] as const;
export type ReturnFile = (typeof RETURN_FILES)[number];
