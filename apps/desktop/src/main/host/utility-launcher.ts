import type { HostedServerStop } from '@parley/shared/ipc';
import { utilityProcess } from 'electron';
import type { ChildLauncher } from './child-port.js';

const stopMessage: HostedServerStop = { type: 'stop' };

/** Runs the server bundle in an Electron utility process (Node without the fuse-locked runAsNode). */
export const utilityLauncher: ChildLauncher = ({ entry, env, cwd }) => {
  const child = utilityProcess.fork(entry, [], {
    env,
    cwd,
    serviceName: 'Parley server',
    stdio: 'pipe',
  });
  return {
    get pid() {
      return child.pid;
    },
    requestStop: () => {
      child.postMessage(stopMessage);
    },
    forceKill: () => {
      if (child.pid !== undefined) {
        try {
          process.kill(child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    },
    onExit: (listener) => child.on('exit', listener),
    onOutput: (listener) => {
      child.stdout?.on('data', (chunk: Buffer) => listener(chunk.toString('utf8')));
      child.stderr?.on('data', (chunk: Buffer) => listener(chunk.toString('utf8')));
    },
  };
};
