// The open data module's interface words, Italian first.
export const it = {
  'od.name': 'Dati aperti',
} as const;

export const en: Record<keyof typeof it, string> = {
  'od.name': 'Open data',
};
