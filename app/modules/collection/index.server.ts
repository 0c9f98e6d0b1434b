// The server face of the data-requests module.
export { panelProviders } from './collection.panels.ts';
