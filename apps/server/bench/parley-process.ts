/**
 * The real Parley server (src/main.ts, configured by environment) plus one benchmark hook: a
 * `memory` request over IPC answered after a full GC. main.ts itself sends `listening`.
 */
import { memoryAfterGc, serveRequests } from './child-process.js';

serveRequests(async (type) => {
  if (type === 'memory') return memoryAfterGc();
  throw new Error(`unknown request ${type}`);
});
await import('../src/main.js');
