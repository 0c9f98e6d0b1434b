// The server face of the services-catalogue module.
export { listAmbitoServices, type AmbitoServiceRecord, type ServiceYearFigures } from './services.public.queries.ts';
export { servicesSteps as demoSteps } from './services.demo.ts';
// For the public portal (portal module): the active services grouped by area.
export { listPublicServices, type PublicService, type PublicServiceArea } from './services.portal.queries.ts';
