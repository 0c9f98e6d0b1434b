// The reports module's interface words, Italian first. Each part keeps its words in messages/<part>.ts; this file
// joins them (a key must be unique across the parts).
import * as documents from './messages/documents.ts';
import * as glossary from './messages/glossary.ts';
import * as impact from './messages/impact.ts';
import * as returns from './messages/returns.ts';

export const it = { ...documents.it, ...glossary.it, ...impact.it, ...returns.it };

export const en: Record<keyof typeof it, string> = { ...documents.en, ...glossary.en, ...impact.en, ...returns.en };
