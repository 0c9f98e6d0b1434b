// The glossary's words (reports module).
export const it = {
  'rep.glossary.title': 'Glossario sociale essenziale',
} as const;

export const en: Record<keyof typeof it, string> = {
  'rep.glossary.title': 'Essential social glossary',
};
