import type { BenchDatabase } from './bench-database.js';
import { login, startBenchServer } from './bench-server.js';
import { startRawServer } from './raw-server.js';
import type { Seeded, SeedUser } from './seed.js';
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

/** How many server connections were busy, and how many of those waited on a lock, on average. */
export interface LockSample {
  samples: number;
  meanActive: number;
  meanWaitingOnLock: number;
}

export interface SendResult {
  /** Sampled from pg_stat_activity during Parley's measured runs. */
  locks: LockSample;
  parley: SendRun[];
  raw: SendRun[];
  /** Parley again, the same messages and window split over two rooms with different people. */
  twoRooms: SendRun[];
  twoRoomsMedianRate: number;
  /** Diagnostic: Parley again with `synchronous_commit = off`, when the database allows it. */
  asyncCommit: SendRun[];
  parleyMedianRate: number;
  rawMedianRate: number;
  asyncCommitMedianRate: number;
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
  const asyncDb = bench.withSettings?.({ synchronous_commit: 'off' });
  const asyncServer = asyncDb ? await startBenchServer(asyncDb) : null;
  const pairs: Pair[] = [];
  try {
    // Two users logged in on one server, each over its own socket.
    const pairOn = async (url: string, sender: SeedUser, receiver: SeedUser): Promise<Pair> => {
      const [senderToken, receiverToken] = await Promise.all([login(url, sender), login(url, receiver)]);
      const pair = { sender: await connect(url, senderToken), receiver: await connect(url, receiverToken), otherUserId: receiver.id };
      pairs.push(pair);
      return pair;
    };
    const parleyPair = await pairOn(server.url, seeded.me, seeded.peer);
    const secondRoomPair = await pairOn(server.url, seeded.fourth, seeded.fifth);
    const rawPair: Pair = {
      sender: await connect(raw.url, 'sender'),
      receiver: await connect(raw.url, 'receiver'),
      otherUserId: seeded.peer.id,
    };
    pairs.push(rawPair);
    const asyncPair = asyncServer ? await pairOn(asyncServer.url, seeded.me, seeded.peer) : null;

    const loop = (pair: Pair, count: number, window = options.window) =>
      runSendLoop({ ...pair, count, window, timeoutMs: Math.min(120_000, timeLeft(options.deadline)) });
    // Both rooms at once, each with half the messages and half the window: the same offered load.
    const twoRooms = async (count: number): Promise<SendRun> => {
      const half = Math.floor(count / 2);
      const window = Math.max(1, Math.floor(options.window / 2));
      const runs = await Promise.all([loop(parleyPair, half, window), loop(secondRoomPair, half, window)]);
      const elapsedMs = Math.max(...runs.map((run) => run.elapsedMs));
      return {
        count: half * 2,
        elapsedMs,
        perSecond: (half * 2) / (elapsedMs / 1000),
        ackMedianMs: Math.max(...runs.map((run) => run.ackMedianMs)),
        ackP95Ms: Math.max(...runs.map((run) => run.ackP95Ms)),
      };
    };
    await loop(parleyPair, options.warmup);
    await twoRooms(options.warmup);
    await loop(rawPair, options.warmup);
    if (asyncPair) await loop(asyncPair, options.warmup);

    const result: SendResult = {
      locks: { samples: 0, meanActive: 0, meanWaitingOnLock: 0 },
      parley: [],
      twoRooms: [],
      twoRoomsMedianRate: 0,
      raw: [],
      asyncCommit: [],
      parleyMedianRate: 0,
      rawMedianRate: 0,
      asyncCommitMedianRate: 0,
      statementsPerMessage: 0,
    };
    let statements = 0;
    for (let round = 0; round < options.rounds; round++) {
      const before = bench.log.count;
      const sampler = sampleLocks(bench);
      try {
        result.parley.push(await loop(parleyPair, options.count));
      } finally {
        addSamples(result.locks, await sampler.stop());
      }
      statements += bench.log.count - before;
      result.twoRooms.push(await twoRooms(options.count));
      result.raw.push(await loop(rawPair, options.count));
      if (asyncPair) result.asyncCommit.push(await loop(asyncPair, options.count));
    }
    result.parleyMedianRate = median(result.parley.map((run) => run.perSecond));
    result.rawMedianRate = median(result.raw.map((run) => run.perSecond));
    result.twoRoomsMedianRate = median(result.twoRooms.map((run) => run.perSecond));
    result.asyncCommitMedianRate = median(result.asyncCommit.map((run) => run.perSecond));
    result.statementsPerMessage = statements / (options.count * options.rounds);
    return result;
  } finally {
    pairs.forEach(close);
    await raw.close();
    await server.app.close();
    await asyncServer?.app.close();
  }
}

/**
 * Polls pg_stat_activity on the benchmark's own admin link (one connection, itself excluded)
 * every 20 ms until stopped: are the server's connections working or queued on a row lock?
 */
function sampleLocks(bench: BenchDatabase): { stop(): Promise<LockSample> } {
  const sample: LockSample = { samples: 0, meanActive: 0, meanWaitingOnLock: 0 };
  let active = 0;
  let waiting = 0;
  let stopped = false;
  const poll = (async () => {
    while (!stopped) {
      const [row] = await bench.raw(
        `select count(*) filter (where state = 'active')::int as active,
                count(*) filter (where wait_event_type = 'Lock')::int as waiting
         from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
      );
      sample.samples += 1;
      active += Number(row?.active ?? 0);
      waiting += Number(row?.waiting ?? 0);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await poll;
      sample.meanActive = sample.samples ? active / sample.samples : 0;
      sample.meanWaitingOnLock = sample.samples ? waiting / sample.samples : 0;
      return sample;
    },
  };
}

function addSamples(total: LockSample, more: LockSample): void {
  const samples = total.samples + more.samples;
  if (samples === 0) return;
  total.meanActive = (total.meanActive * total.samples + more.meanActive * more.samples) / samples;
  total.meanWaitingOnLock = (total.meanWaitingOnLock * total.samples + more.meanWaitingOnLock * more.samples) / samples;
  total.samples = samples;
}
