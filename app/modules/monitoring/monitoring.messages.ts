// The monitoring module's interface words for the shell (the pages themselves are in Italian).
export const it = {
  'nav.monitoring': 'Monitoraggio',
} as const;

export const en: Record<keyof typeof it, string> = {
  'nav.monitoring': 'Monitoring',
};
