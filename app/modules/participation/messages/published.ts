// Participation's words for the figures published elsewhere (it first; en typed on it).
export const it = {
  'part.published.import.failed': 'Il file {file} non è stato importato. Nessuna cifra è stata modificata.',
  'part.published.import.json': 'il file non è un JSON valido ({reason})',
  'part.published.import.twice': 'la cifra «{figure}» è già data alla voce {index}',
  'part.published.import.plan': 'l’Ambito non ha un piano {start}-{end}: importa prima il piano',
} as const;

export const en: Record<keyof typeof it, string> = {
  'part.published.import.failed': 'The file {file} was not imported. No figure was changed.',
  'part.published.import.json': 'the file is not valid JSON ({reason})',
  'part.published.import.twice': 'the figure «{figure}» is already given at item {index}',
  'part.published.import.plan': 'the Ambito has no {start}-{end} plan: import the plan first',
};
