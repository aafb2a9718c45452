// From TypeScript sources (npm run dev, tests) the sandbox's thread needs tsx before it can load its entry;
// a worker thread does not take tsx from `--import` (Node 20). The build bundles the entry instead.
import { register } from 'tsx/esm/api';

register();
await import('./sandbox-worker.ts');
