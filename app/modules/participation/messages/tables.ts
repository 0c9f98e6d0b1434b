// Participation's words for its tables pages (it first; en typed on it: a missing key does not compile).
export const it = {} as const;

export const en: Record<keyof typeof it, string> = {};
