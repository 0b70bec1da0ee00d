import { keyOf, type Attachment } from '@parley/shared';
import type { Result, UploadProgress } from '@parley/shared/ipc';
import { describe, expect, it, vi } from 'vitest';
import { createUploads } from '../../src/renderer/src/features/attachments/uploads-store';
import { createLinkCache } from '../../src/renderer/src/features/attachments/file-links';
import { thumbnailBox } from '../../src/renderer/src/features/attachments/file-size';
import { fakeBridge } from './fake-bridge';

const room = keyOf({ kind: 'room', userId: 2 });
const bot = keyOf({ kind: 'bot' });
const stored = (id: string, name: string): Attachment => ({ file_id: id.padEnd(22, 'x'), name, type: 'text/plain', size: 3 });
const file = (name: string) => new File(['abc'], name, { type: 'text/plain' });
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup() {
  const bridge = fakeBridge();
  let progress: (p: UploadProgress) => void = () => undefined;
  bridge.events.onUploadProgress = vi.fn((listener) => {
    progress = listener;
    return () => undefined;
  });
  let n = 0;
  const uploads = createUploads(bridge, () => `u${++n}`);
  const list = () => uploads.store.getState().byConversation[room] ?? [];
  return { bridge, uploads, list, progress: (p: UploadProgress) => progress(p) };
}

describe('composer uploads', () => {
  it('uploads each chosen file at once to the conversation and shows its progress', async () => {
    const { bridge, uploads, list, progress } = setup();
    let finish: (r: Result<Attachment>) => void = () => undefined;
    bridge.files.upload = vi.fn(() => new Promise<Result<Attachment>>((resolve) => (finish = resolve)));
    await uploads.add(room, [file('a.txt')]);
    expect(bridge.files.upload).toHaveBeenCalledWith(expect.objectContaining({ uploadId: 'u1', target: { otherUserId: 2 }, name: 'a.txt' }));
    progress({ uploadId: 'u1', sent: 2, total: 3 });
    expect(list()[0]).toMatchObject({ status: 'uploading', sent: 2 });
    finish({ ok: true, value: stored('f1', 'a.txt') });
    await flush();
    expect(list()[0]).toMatchObject({ status: 'done', attachment: stored('f1', 'a.txt') });
  });

  it('takes at most ten files for one message', async () => {
    const { bridge, uploads, list } = setup();
    bridge.files.upload = vi.fn(() => new Promise<Result<Attachment>>(() => undefined));
    const left = await uploads.add(room, Array.from({ length: 12 }, (_, i) => file(`${i}.txt`)));
    expect(left).toBe(2);
    expect(list()).toHaveLength(10);
  });

  it('a failed upload can be retried with the same bytes', async () => {
    const { bridge, uploads, list } = setup();
    bridge.files.upload = vi
      .fn()
      .mockResolvedValueOnce({ ok: false, error: { code: 'unavailable', message: 'The server could not be reached.' } })
      .mockResolvedValueOnce({ ok: true, value: stored('f2', 'b.txt') });
    await uploads.add(room, [file('b.txt')]);
    await flush();
    expect(list()[0]).toMatchObject({ status: 'failed', error: 'The server could not be reached.' });
    uploads.retry(room, 'u1');
    await flush();
    expect(list()[0]).toMatchObject({ status: 'done' });
    expect(bridge.files.upload).toHaveBeenCalledTimes(2);
  });

  it('removing an upload in progress cancels it; removing a finished one discards it on the server', async () => {
    const { bridge, uploads, list } = setup();
    bridge.files.upload = vi.fn().mockResolvedValueOnce({ ok: true, value: stored('f3', 'c.txt') }).mockReturnValueOnce(new Promise(() => undefined));
    await uploads.add(room, [file('c.txt')]);
    await flush();
    await uploads.add(room, [file('d.txt')]);
    uploads.remove(room, 'u2');
    expect(bridge.files.cancelUpload).toHaveBeenCalledWith('u2');
    uploads.remove(room, 'u1');
    expect(bridge.files.discard).toHaveBeenCalledWith(stored('f3', 'c.txt').file_id);
    expect(list()).toEqual([]);
  });

  it('a send takes the finished files only and leaves the rest in the composer', async () => {
    const { bridge, uploads, list } = setup();
    bridge.files.upload = vi.fn().mockResolvedValueOnce({ ok: true, value: stored('f4', 'e.txt') }).mockReturnValueOnce(new Promise(() => undefined));
    await uploads.add(room, [file('e.txt')]);
    await flush();
    await uploads.add(room, [file('f.txt')]);
    expect(uploads.takeReady(room)).toEqual([stored('f4', 'e.txt')]);
    expect(list().map((u) => u.name)).toEqual(['f.txt']);
  });

  it('the bot chat takes no files', async () => {
    const { bridge, uploads } = setup();
    await uploads.add(bot, [file('a.txt')]);
    expect(bridge.files.upload).not.toHaveBeenCalled();
  });
});

describe('file links', () => {
  it('asks once for all the files shown together, and again only when a link is about to expire', async () => {
    const bridge = fakeBridge();
    let now = Date.parse('2026-11-24T09:00:00.000Z');
    const link = (id: string) => ({ file_id: id, url: `u/${id}`, thumbnail_url: null, download_url: `d/${id}`, expires_at: '2026-11-24T10:00:00.000Z' });
    bridge.files.links = vi.fn((ids: string[]) => Promise.resolve({ ok: true as const, value: ids.map(link) }));
    const cache = createLinkCache(bridge, () => now);
    const [one, two] = await Promise.all([cache.get('a'), cache.get('b')]);
    expect([one?.url, two?.url]).toEqual(['u/a', 'u/b']);
    expect(bridge.files.links).toHaveBeenCalledTimes(1);
    await cache.get('a');
    expect(bridge.files.links).toHaveBeenCalledTimes(1);
    now = Date.parse('2026-11-24T09:59:30.000Z');
    await cache.get('a');
    expect(bridge.files.links).toHaveBeenCalledTimes(2);
  });

  it("a file one may not read has no link, and that is remembered", async () => {
    const bridge = fakeBridge();
    bridge.files.links = vi.fn(() => Promise.resolve({ ok: true as const, value: [] }));
    const cache = createLinkCache(bridge);
    expect(await cache.get('z')).toBeNull();
    expect(await cache.get('z')).toBeNull();
    expect(bridge.files.links).toHaveBeenCalledTimes(1);
  });
});

describe('thumbnail boxes', () => {
  it('fit the picture in the box without enlarging it, keeping its shape', () => {
    expect(thumbnailBox(1920, 1080)).toEqual({ width: 360, height: 203 });
    expect(thumbnailBox(100, 2000)).toEqual({ width: 14, height: 270 });
    expect(thumbnailBox(120, 80)).toEqual({ width: 120, height: 80 });
  });
});
