// The finance module's interface words for the shell (its pages are written in Italian, as the planning module's).
export const it = {
  'nav.finance': 'Risorse',
} as const;

export const en: Record<keyof typeof it, string> = {
  'nav.finance': 'Resources',
};
