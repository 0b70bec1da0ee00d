import { z } from 'zod';

/**
 * The desktop app to the server it hosts, over the child's message channel (Electron's
 * `parentPort`, or Node's IPC for a plain child): stop as on SIGTERM. Windows has no SIGTERM, so
 * without this message the server would only ever be killed, PGlite mid-write.
 */
export const hostedServerStopSchema = z.object({ type: z.literal('stop') });
export type HostedServerStop = z.infer<typeof hostedServerStopSchema>;
