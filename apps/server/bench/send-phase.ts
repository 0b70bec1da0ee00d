import type { BenchDatabase } from './bench-database.js';
import { login, startBenchServer } from './bench-server.js';
import { startRawServer } from './raw-server.js';
import type { Seeded } from './seed.js';
import { connect, runSendLoop, type ClientSocket, type SendRun } from './send-loop.js';
import { median } from './stats.js';

export interface SendOptions {
  count: number;
  window: number;
  warmup: number;
  /** Measured runs per server, alternated Parley / raw so both meet the same machine load. */
  rounds: number;
  /** `performance.now()` after which the phase gives up. */
  deadline: number;
}

export interface SendResult {
  parley: SendRun[];
  raw: SendRun[];
  parleyMedianRate: number;
  rawMedianRate: number;
  statementsPerMessage: number;
}

interface Pair {
  sender: ClientSocket;
  receiver: ClientSocket;
  otherUserId: number;
}

function close(pair: Pair): void {
  pair.sender.disconnect();
  pair.receiver.disconnect();
}

function timeLeft(deadline: number): number {
  const left = deadline - performance.now();
  if (left <= 0) throw new Error('the send phase passed its time limit');
  return left;
}

/** Part 2: the room send path through Parley on PostgreSQL against a bare Socket.IO relay. */
export async function runSendPhase(bench: BenchDatabase, seeded: Seeded, options: SendOptions): Promise<SendResult> {
  const server = await startBenchServer(bench.db);
  const raw = await startRawServer();
  const pairs: Pair[] = [];
  try {
    const [senderToken, receiverToken] = await Promise.all([login(server.url, seeded.me), login(server.url, seeded.peer)]);
    const parleyPair: Pair = {
      sender: await connect(server.url, senderToken),
      receiver: await connect(server.url, receiverToken),
      otherUserId: seeded.peer.id,
    };
    pairs.push(parleyPair);
    const rawPair: Pair = {
      sender: await connect(raw.url, 'sender'),
      receiver: await connect(raw.url, 'receiver'),
      otherUserId: seeded.peer.id,
    };
    pairs.push(rawPair);

    const loop = (pair: Pair, count: number) =>
      runSendLoop({ ...pair, count, window: options.window, timeoutMs: Math.min(120_000, timeLeft(options.deadline)) });
    await loop(parleyPair, options.warmup);
    await loop(rawPair, options.warmup);

    const result: SendResult = { parley: [], raw: [], parleyMedianRate: 0, rawMedianRate: 0, statementsPerMessage: 0 };
    let statements = 0;
    for (let round = 0; round < options.rounds; round++) {
      const before = bench.log.count;
      result.parley.push(await loop(parleyPair, options.count));
      statements += bench.log.count - before;
      result.raw.push(await loop(rawPair, options.count));
    }
    result.parleyMedianRate = median(result.parley.map((run) => run.perSecond));
    result.rawMedianRate = median(result.raw.map((run) => run.perSecond));
    result.statementsPerMessage = statements / (options.count * options.rounds);
    return result;
  } finally {
    pairs.forEach(close);
    await raw.close();
    await server.app.close();
  }
}
