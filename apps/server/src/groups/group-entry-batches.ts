import type DataLoader from 'dataloader';
import type { AppContext } from '../context.js';
import { busyBatches } from '../db/busy-batches.js';
import { entryStatementKey, enterWithPages, type EntryRequest, type GroupEntry } from './group-entry.queries.js';

const loaders = new WeakMap<AppContext, DataLoader<EntryRequest, GroupEntry | null>>();

/**
 * Splits a batch into statements `enterWithPages` can run: one per page shape, and a (group,
 * user) that comes again (two tabs opening the same group) goes into the next statement.
 */
function statementsOf(requests: readonly EntryRequest[]): number[][] {
  const statements: { key: string; members: Set<string>; indexes: number[] }[] = [];
  requests.forEach((request, i) => {
    const key = entryStatementKey(request);
    const member = `${request.groupId}:${request.userId}`;
    let statement = statements.find((s) => s.key === key && !s.members.has(member));
    if (!statement) statements.push((statement = { key, members: new Set(), indexes: [] }));
    statement.members.add(member);
    statement.indexes.push(i);
  });
  return statements.map((s) => s.indexes);
}

function loaderOf(ctx: AppContext): DataLoader<EntryRequest, GroupEntry | null> {
  let loader = loaders.get(ctx);
  if (!loader) {
    loader = busyBatches<EntryRequest, GroupEntry | null>(
      async (requests) => {
        const entries: (GroupEntry | null)[] = requests.map(() => null);
        // In turn: on PGlite they would queue anyway, and on PostgreSQL the loader keeps others in flight.
        for (const indexes of statementsOf(requests)) {
          const done = await enterWithPages(ctx.db, indexes.map((i) => requests[i]!));
          indexes.forEach((at, k) => (entries[at] = done[k] ?? null));
        }
        return entries;
      },
      { concurrency: ctx.db.poolSize > 1 ? 3 : 1, maxBatchSize: 200 },
    );
    loaders.set(ctx, loader);
  }
  return loader;
}

/** A group entry (`enterWithPages`), sharing its statement with the entries that arrive with it. */
export function enterGroupBatched(ctx: AppContext, request: EntryRequest): Promise<GroupEntry | null> {
  return loaderOf(ctx).load(request);
}
