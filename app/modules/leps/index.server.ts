// The server face of LEPS.
export { listSocialWorkerPosts } from './leps.queries.ts';
export { lepsSteps as demoSteps } from './leps.demo.ts';
// For the public portal (portal module): the social-worker ratio year by year against 1:5.000 and 1:4.000.
export { getStaffing } from './leps.queries.ts';
export * as lepsApi from './leps.api.queries.ts';
// For the open data (app/modules/opendata): social workers in FTE and the ratio, year by year.
export { readSocialWorkerSeries } from './leps.opendata.queries.ts';
// For the national returns (reports module): the posts with their records and the population of the return's years.
export { readSocialWorkerReturnInput, type ReturnPostRecord, type ReturnPopulation } from './leps.returns.queries.ts';
// For the data requests (app/modules/collection): social workers declared by a comune and validated.
export { declaredPostClashes, recordDeclaredPosts, type DeclaredPost } from './leps.collected.ts';
export { AMBITO_EMPLOYER_KINDS, CONTRACT_KINDS, EMPLOYER_KINDS } from './leps.rules.ts';
// For the services catalogue (services module): the LEPS a service can serve.
export { listLepsForServices, type LepsReference } from './leps.services.queries.ts';
export { readLepsForRegion, type LepsRegionFigures } from './leps.region.queries.ts';
