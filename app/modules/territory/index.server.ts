// The server face of territory: queries, commands (importers), tables, demo.
export { importAmbitoComposition, importIstatComuni, importPopulation } from './territory.commands.ts';
export {
  getAmbitoByCode,
  getAmbitoOverview,
  hasComuni,
  hasPopulationFacts,
  listAmbiti,
  listAmbitoComuni,
  listAmbitoPopulation,
  listComuniPopulation,
  today,
} from './territory.queries.ts';
export { ambitoComuni, ambiti, comuni, regions } from './territory.schema.ts';
export { territorySteps as demoSteps } from './territory.demo.ts';
export { readTerritoryForRegion, type TerritoryRegionFigures } from './territory.region.queries.ts';
