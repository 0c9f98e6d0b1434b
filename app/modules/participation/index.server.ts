// The server face of participation.
export { participationSteps as demoSteps } from './participation.demo.ts';
export { panelProviders } from './participation.panels.ts';
export { getPathView, listPathSteps } from './participation.path.queries.ts';
// Part «tables»: the Ambito's thematic tables and their memberships (coverage figures), the membership command admissions use.
export { addTableMember } from './participation.tables.commands.ts';
export { getTableMemberships, listTables, type TableMembership } from './participation.tables.queries.ts';
// Part «projects»: the co-designed projects (list and importer, e.g. for the reports issue's Marche demo Ambito) and
// the records behind the participation figures.
export { importProjects } from './participation.projects.commands.ts';
export { getProject, listProjects } from './participation.projects.queries.ts';
export { readParticipationWorld } from './participation.figures.queries.ts';
// For the public portal (portal module): the calls with their state, the public questionnaires with their link.
export { listPortalCalls, listPortalQuestionnaires, type PortalCall, type PortalQuestionnaire } from './participation.portal.queries.ts';
// For the open data (app/modules/opendata): the participation figures without names of people.
export { readParticipationFigures } from './participation.opendata.queries.ts';
// Part «published figures» (the social-impact report, the Fano demo): the participation figures published elsewhere.
export { importPublishedFigures } from './participation.published.commands.ts';
export { listPublishedFigures } from './participation.published.queries.ts';
export { comparePublished, PUBLISHED_FIGURES, type FigureComparison, type PublishedFigure } from './participation.published.rules.ts';
export { readParticipationForRegion, type ParticipationRegionFigures } from './participation.region.queries.ts';
