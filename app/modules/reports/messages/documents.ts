// The plan document's words (reports module).
export const it = {
  'rep.documents.title': 'Documento del piano',
} as const;

export const en: Record<keyof typeof it, string> = {
  'rep.documents.title': 'Plan document',
};
