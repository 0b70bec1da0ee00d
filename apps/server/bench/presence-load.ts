/*
 * The load side of `presence-storm.ts`, in its own process: opens one socket per token, then
 * enters a group twice per user over HTTP. Reports to the parent over IPC.
 */
import { io, type Socket } from 'socket.io-client';

interface Job {
  url: string;
  tokens: string[];
  groupId: number | null;
  /** Presence payloads to expect per user (Parley) or none (a bare server). */
  presence: boolean;
}

function changesOf(payload: unknown): { user_id: number; online: boolean }[] {
  const p = payload as { changes?: { user_id: number; online: boolean }[]; user_id?: number; online?: boolean };
  if (p.changes) return p.changes;
  return [{ user_id: p.user_id!, online: p.online! }];
}

async function run(job: Job): Promise<void> {
  const sockets: Socket[] = [];
  let packets = 0;
  let changes = 0;
  const started = performance.now();
  const seenByFirst = new Set<number>();
  let settledAt = 0;
  const expected = job.tokens.length;
  const open = (token: string, index: number) =>
    new Promise<void>((resolve, reject) => {
      const socket = io(job.url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
      sockets.push(socket);
      socket.on('presence', (payload: unknown) => {
        packets += 1;
        const list = changesOf(payload);
        changes += list.length;
        if (index !== 0) return;
        for (const change of list) if (change.online) seenByFirst.add(change.user_id);
        if (seenByFirst.size === expected && settledAt === 0) settledAt = performance.now();
      });
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
  // The first socket connects alone, so it watches every user (itself too) arrive.
  await open(job.tokens[0]!, 0);
  await Promise.all(job.tokens.slice(1).map((token, i) => open(token, i + 1)));
  const connectedMs = performance.now() - started;
  if (job.presence) {
    for (let waited = 0; settledAt === 0 && waited < 60_000; waited += 10) await new Promise((r) => setTimeout(r, 10));
  }
  const settledMs = job.presence ? settledAt - started : connectedMs;
  await new Promise((r) => setTimeout(r, 1_000));
  const result: Record<string, number> = { connectedMs, settledMs, packets, changes, sockets: sockets.length };

  if (job.groupId !== null) {
    let next = 0;
    const entries = job.tokens.flatMap((token) => [token, token]);
    const t0 = performance.now();
    const worker = async () => {
      while (next < entries.length) {
        const token = entries[next++]!;
        const response = await fetch(`${job.url}/chat_groups/${job.groupId}`, { headers: { authentication: token } });
        if (response.status !== 200) throw new Error(`entry answered ${response.status}`);
        await response.arrayBuffer();
      }
    };
    await Promise.all(Array.from({ length: 32 }, worker));
    result.entries = entries.length;
    result.entriesMs = performance.now() - t0;
  }
  for (const socket of sockets) socket.disconnect();
  // Let the server see the closes before the parent stops it and its database.
  await new Promise((r) => setTimeout(r, 2_000));
  process.send!(result);
}

process.once('message', (job: Job) => {
  run(job).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});
