import type { ParleyServer } from '../../src/context.js';
import { sleep } from './sockets.js';

export interface ConnectionGate {
  /** Resolves once `count` sockets are held (bounded). */
  held(count: number): Promise<void>;
  /** Lets every held socket on to its connection, in the order they arrived; the gate then stays open. */
  release(): void;
}

/**
 * Holds the chosen users' new sockets after the server has prepared them and before they join
 * their rooms: the window in which connection races happen, made as wide as a test needs.
 */
export function holdConnections(io: ParleyServer, userIds: number[]): ConnectionGate {
  const waiting: (() => void)[] = [];
  let open = false;
  io.use((socket, next) => {
    if (open || !userIds.includes(socket.data.userId)) next();
    else waiting.push(() => next());
  });
  return {
    async held(count) {
      for (let waited = 0; waiting.length < count; waited += 10) {
        if (waited > 5_000) throw new Error(`only ${waiting.length} of ${count} sockets reached the gate`);
        await sleep(10);
      }
    },
    release() {
      open = true;
      for (const next of waiting.splice(0)) next();
    },
  };
}
