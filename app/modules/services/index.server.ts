// The server face of the services-catalogue module.
export { listAmbitoServices, type AmbitoServiceRecord, type ServiceYearFigures } from './services.public.queries.ts';
