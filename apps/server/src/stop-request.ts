import { hostedServerStopSchema } from '@parley/shared/ipc';

/** Electron's `process.parentPort` in a utility process (not in Node's types). */
interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

/**
 * Calls `stop` when the process that started this server asks it to over the message channel:
 * the desktop app's utility process (`parentPort`) or a Node child with IPC. On Windows this is
 * the only graceful stop there is; anything but the stop message is ignored.
 */
export function onStopRequest(stop: () => void): void {
  const handle = (message: unknown) => {
    if (hostedServerStopSchema.safeParse(message).success) stop();
  };
  const parentPort = (process as NodeJS.Process & { parentPort?: ParentPort }).parentPort;
  parentPort?.on('message', (event) => handle(event.data));
  if (process.send) process.on('message', handle);
}
