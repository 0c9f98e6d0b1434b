// The server face of LEPS.
export { listSocialWorkerPosts } from './leps.queries.ts';
export { lepsSteps as demoSteps } from './leps.demo.ts';
