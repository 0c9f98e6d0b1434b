// The server face of the open data module: its demo step (the registry runs it after the other modules' data).
export { opendataSteps as demoSteps } from './opendata.demo.ts';
