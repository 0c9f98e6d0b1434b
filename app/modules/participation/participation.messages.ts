// The participation module's interface words, Italian first. Each part of the module keeps its words in messages/<part>.ts;
// this file joins them (a key must be unique across the parts: the type of `it` would otherwise lose one silently,
// which participation.messages.test.ts forbids).
import * as call from './messages/call.ts';
import * as needs from './messages/needs.ts';
import * as path from './messages/path.ts';
import * as projects from './messages/projects.ts';
import * as proposals from './messages/proposals.ts';
import * as published from './messages/published.ts';
import * as questionnaires from './messages/questionnaires.ts';
import * as tables from './messages/tables.ts';

const common = {
  'part.nav': 'Partecipazione',
  'part.name': 'Partecipazione',
  'part.home.title': 'Partecipazione e co-programmazione',
  'part.home.lead':
    'Il percorso del piano, i tavoli tematici e i loro incontri, l’avviso per aderire, i bisogni, i questionari, le proposte con le risposte ufficiali e i progetti co-progettati.',
  'part.notFound.ambito': 'Ambito non trovato.',
} as const;

const commonEn: Record<keyof typeof common, string> = {
  'part.nav': 'Participation',
  'part.name': 'Participation',
  'part.home.title': 'Participation and co-programming',
  'part.home.lead':
    'The plan’s path, the thematic tables and their meetings, the call to join, the needs, the questionnaires, the proposals with their official answers and the co-designed projects.',
  'part.notFound.ambito': 'Ambito not found.',
};

export const PARTS = { common: { it: common, en: commonEn }, path, tables, call, needs, proposals, questionnaires, projects, published };

export const it = { ...common, ...path.it, ...tables.it, ...call.it, ...needs.it, ...proposals.it, ...questionnaires.it, ...projects.it, ...published.it };

export const en: Record<keyof typeof it, string> = {
  ...commonEn,
  ...path.en,
  ...tables.en,
  ...call.en,
  ...needs.en,
  ...proposals.en,
  ...questionnaires.en,
  ...projects.en,
  ...published.en,
};
