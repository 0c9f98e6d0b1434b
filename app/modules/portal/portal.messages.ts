// The public portal's interface words, Italian first.
export const it = {
  'portal.name': 'Portale pubblico',
} as const;

export const en: Record<keyof typeof it, string> = {
  'portal.name': 'Public portal',
};
