import type { FileLink } from '@parley/shared';
import type { ParleyBridge } from '@parley/shared/ipc';
import { useEffect, useState } from 'react';

/** A link is asked for again this long before it expires. */
const refreshMarginMs = 60_000;

/**
 * Download links, fetched in batches (one request for all the files a page of history shows)
 * and kept until shortly before they expire.
 */
export function createLinkCache(bridge: Pick<ParleyBridge, 'files'>, now: () => number = Date.now) {
  const links = new Map<string, FileLink | null>();
  const waiting = new Map<string, ((link: FileLink | null) => void)[]>();
  let scheduled = false;

  const fresh = (link: FileLink | null | undefined) =>
    link === null || (link !== undefined && Date.parse(link.expires_at) - refreshMarginMs > now());

  async function flush(): Promise<void> {
    scheduled = false;
    const ids = [...waiting.keys()].slice(0, 100);
    const callbacks = ids.map((id) => [id, waiting.get(id) ?? []] as const);
    for (const id of ids) waiting.delete(id);
    const result = await bridge.files.links(ids);
    const found = new Map(result.ok ? result.value.map((link) => [link.file_id, link]) : []);
    for (const [id, listeners] of callbacks) {
      // A failed request is not remembered: the next look asks again.
      const link = found.get(id) ?? null;
      if (result.ok) links.set(id, link);
      for (const listener of listeners) listener(link);
    }
    if (waiting.size > 0) schedule();
  }

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => void flush());
  }

  return {
    get(fileId: string): Promise<FileLink | null> {
      const known = links.get(fileId);
      if (fresh(known)) return Promise.resolve(known ?? null);
      return new Promise((resolve) => {
        waiting.set(fileId, [...(waiting.get(fileId) ?? []), resolve]);
        schedule();
      });
    },
    /** A link that stopped working (the server restarted with a new key): ask again. */
    forget(fileId: string): void {
      links.delete(fileId);
    },
  };
}

export type LinkCache = ReturnType<typeof createLinkCache>;

/** The link of one file, fetched when first shown; `retry` after a load error asks once more. */
export function useFileLink(cache: LinkCache, fileId: string): { link: FileLink | null | undefined; retry: () => void } {
  const [link, setLink] = useState<FileLink | null | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    void cache.get(fileId).then((found) => {
      if (live) setLink(found);
    });
    return () => {
      live = false;
    };
  }, [cache, fileId, attempt]);
  return {
    link,
    retry: () => {
      if (attempt > 0) return;
      cache.forget(fileId);
      setAttempt(1);
    },
  };
}
