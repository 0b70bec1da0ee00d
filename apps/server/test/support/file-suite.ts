import type { ChatGroup, FileLinksResponse, RoomChatMessage, SendAck } from '@parley/shared';
import { fileLimits } from '@parley/shared';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { purgeUnattachedFiles, removeFilesOfMessages } from '../../src/files/remove-files.js';
import { call, signUp, type SignedUp } from './http.js';
import { useFileStore, type StoreKind } from './file-stores.js';
import { useServer } from './server.js';
import { connect, nextEvent, send } from './sockets.js';
import { download, interruptedUpload, jpegWithGps, linkOf, pngBomb, pngOf, upload } from './uploads.js';

const mib = 1024 * 1024;

/** Upload, download and permission behaviour, for one kind of file store. */
export function fileSuite(kind: StoreKind): void {
  const store = useFileStore(kind);
  const server = useServer({ env: Object.assign(store.env, { MAX_UPLOAD_MB: '1', UPLOAD_QUOTA_MB: '2.5' }) });

  const roomOf = (other: SignedUp) => `other_user_id=${other.user.user_id}`;

  async function pair() {
    return { ada: await signUp(server()), bob: await signUp(server()) };
  }

  async function sendRoom(from: SignedUp, to: SignedUp, attachments: string[], message = ''): Promise<SendAck> {
    const socket = await connect(server().url, from.token);
    return send(socket, { chat_type: 'room', other_user_id: to.user.user_id, message, attachments });
  }

  async function filesRowsOf(user: SignedUp): Promise<number> {
    const rows = await server().db.rows<{ n: unknown }>(sql`select count(*)::int as n from files where uploader_id = ${user.user.user_id}`);
    return Number(rows[0]?.n ?? 0);
  }

  /** The store settles after a refusal (a failed write cleans up after itself): wait for it. */
  async function expectNothingLeft(user: SignedUp, keysBefore: string[]): Promise<void> {
    for (let i = 0; i < 40; i++) {
      if ((await store.keys()).length === keysBefore.length) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await store.keys()).toEqual(keysBefore);
    expect(await filesRowsOf(user)).toBe(0);
  }

  describe(`files in the ${kind} store`, () => {
    it('an image uploaded to a room comes back with its type and size in pixels, and a thumbnail is stored', async () => {
      const { ada, bob } = await pair();
      const answer = await upload(server(), ada.token, roomOf(bob), { name: 'shot.png', bytes: await pngOf(640, 480) });
      expect(answer.status).toBe(201);
      expect(answer.body.file).toEqual({ file_id: expect.stringMatching(/^[\w-]{22}$/), name: 'shot.png', type: 'image/png', size: expect.any(Number), width: 640, height: 480 });
      expect(await store.keys()).toEqual(expect.arrayContaining([answer.body.file.file_id, `${answer.body.file.file_id}.thumb`]));
    });

    it('a message with files and no text reaches both people and its history, and the receiver can download them', async () => {
      const { ada, bob } = await pair();
      const png = await upload(server(), ada.token, roomOf(bob), { name: 'a.png', bytes: await pngOf(800, 200) });
      const doc = await upload(server(), ada.token, roomOf(bob), { name: 'notes.bin', bytes: Buffer.from('just some bytes') });
      const bobSocket = await connect(server().url, bob.token);
      const event = nextEvent(bobSocket, 'message');
      const ack = await sendRoom(ada, bob, [png.body.file.file_id, doc.body.file.file_id]);
      expect(ack.ok).toBe(true);
      const sent = (ack as { message: RoomChatMessage }).message;
      expect(sent.message).toBe('');
      expect(sent.attachments).toEqual([png.body.file, doc.body.file]);
      expect(((await event) as RoomChatMessage).attachments).toEqual([png.body.file, doc.body.file]);
      const history = await call<{ messages: RoomChatMessage[] }>(server(), 'GET', `/chat_rooms/${sent.chat_room_id}`, { token: bob.token });
      expect(history.body.messages.at(-1)?.attachments).toEqual([png.body.file, doc.body.file]);

      const image = await linkOf(server(), bob.token, png.body.file.file_id);
      const full = await download(server(), image.url);
      expect(full.status).toBe(200);
      expect(full.headers.get('content-type')).toBe('image/png');
      expect(full.headers.get('content-security-policy')).toContain('sandbox');
      expect(full.headers.get('content-disposition')).toBeNull();
      expect(await sharp(full.bytes).metadata()).toMatchObject({ width: 800, height: 200 });
      const thumb = await download(server(), image.thumbnail_url!);
      expect(thumb.headers.get('content-type')).toBe('image/webp');
      expect(await sharp(thumb.bytes).metadata()).toMatchObject({ width: fileLimits.thumbnailMaxSide, height: 100 });

      const other = await linkOf(server(), bob.token, doc.body.file.file_id);
      expect(other.thumbnail_url).toBeNull();
      const file = await download(server(), other.url);
      expect(file.bytes.toString()).toBe('just some bytes');
      expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="?notes.bin/);
      expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    });

    it("someone else's file id is not found, before and after it is sent", async () => {
      const { ada, bob } = await pair();
      const eve = await signUp(server());
      const png = await upload(server(), ada.token, roomOf(bob), { name: 'a.png', bytes: await pngOf(10, 10) });
      const id = png.body.file.file_id;
      // Not shown in a message yet: only its uploader sees it.
      expect((await call(server(), 'GET', `/files/${id}`, { token: bob.token })).status).toBe(404);
      expect((await sendRoom(ada, bob, [id], 'look')).ok).toBe(true);
      expect((await call(server(), 'GET', `/files/${id}`, { token: bob.token })).status).toBe(200);
      const eves = await call(server(), 'GET', `/files/${id}`, { token: eve.token });
      expect(eves.status).toBe(404);
      expect(eves.body).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
      const links = await call<FileLinksResponse>(server(), 'POST', '/files/links', { token: eve.token, body: { file_ids: [id] } });
      expect(links.body.links).toEqual([]);
      expect((await call(server(), 'GET', '/files/not-a-file-id', { token: eve.token })).status).toBe(404);
    });

    it('a download link is signed and expires', async () => {
      const { ada, bob } = await pair();
      const png = await upload(server(), ada.token, roomOf(bob), { name: 'a.png', bytes: await pngOf(10, 10) });
      const link = await linkOf(server(), ada.token, png.body.file.file_id);
      const forged = link.url.replace(/sig=[^&]+/, 'sig=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
      expect((await download(server(), forged)).status).toBe(404);
      expect((await download(server(), link.url.replace(/exp=\d+/, 'exp=9999999999'))).status).toBe(404);
      expect((await download(server(), `/files/${png.body.file.file_id}/content`)).status).toBe(404);
      server().clock.advance(fileLimits.linkTtlMs + 1000);
      try {
        const expired = await download(server(), link.url);
        expect(expired.status).toBe(410);
      } finally {
        server().clock.advance(-(fileLimits.linkTtlMs + 1000));
      }
    });

    it('a phone photo is stored and served without its EXIF location', async () => {
      const { ada, bob } = await pair();
      const photo = await jpegWithGps();
      expect((await sharp(photo).metadata()).exif).toBeDefined();
      const answer = await upload(server(), ada.token, roomOf(bob), { name: 'IMG_0001.JPG', bytes: photo });
      expect(answer.body.file.type).toBe('image/jpeg');
      const served = await download(server(), (await linkOf(server(), ada.token, answer.body.file.file_id)).url);
      const metadata = await sharp(served.bytes).metadata();
      expect(metadata.exif).toBeUndefined();
      expect(served.bytes.includes(Buffer.from('PhoneCo'))).toBe(false);
    });

    it('a .png that is HTML is refused and leaves nothing behind', async () => {
      const { ada, bob } = await pair();
      const before = await store.keys();
      const answer = await upload(server(), ada.token, roomOf(bob), { name: 'cat.png', bytes: Buffer.from('<html><script>alert(1)</script></html>'), type: 'image/png' });
      expect(answer.status).toBe(400);
      expect(answer.body.error?.code).toBe('invalid_input');
      await expectNothingLeft(ada, before);
    });

    it('HTML under another name is only ever a download', async () => {
      const { ada, bob } = await pair();
      const answer = await upload(server(), ada.token, roomOf(bob), { name: 'page.html', bytes: Buffer.from('<html><script>alert(1)</script></html>'), type: 'text/html' });
      expect(answer.body.file.type).toBe('application/octet-stream');
      const served = await download(server(), (await linkOf(server(), ada.token, answer.body.file.file_id)).url);
      expect(served.headers.get('content-type')).toBe('application/octet-stream');
      expect(served.headers.get('content-disposition')).toMatch(/^attachment/);
    });

    it('a file over the size limit is refused with 413 and leaves nothing behind', async () => {
      const { ada, bob } = await pair();
      const before = await store.keys();
      const answer = await upload(server(), ada.token, roomOf(bob), { name: 'big.bin', bytes: Buffer.alloc(mib + 10, 1) });
      expect(answer.status).toBe(413);
      expect(answer.body.error).toEqual({ code: 'payload_too_large', message: 'A file may be at most 1 MiB.' });
      await expectNothingLeft(ada, before);
    });

    it('a file of exactly the size limit is accepted, whole', async () => {
      const { ada, bob } = await pair();
      const bytes = Buffer.alloc(mib, 3);
      bytes.write('end', mib - 3);
      const answer = await upload(server(), ada.token, roomOf(bob), { name: 'exact.bin', bytes });
      expect(answer.status).toBe(201);
      expect(answer.body.file.size).toBe(mib);
      const served = await download(server(), (await linkOf(server(), ada.token, answer.body.file.file_id)).url);
      expect(served.bytes.equals(bytes)).toBe(true);
    });

    it('a file over the size limit is refused even when sent without a length', async () => {
      const { ada, bob } = await pair();
      const before = await store.keys();
      const form = new FormData();
      form.append('file', new Blob([Buffer.alloc(mib + 10, 1)]), 'big.bin');
      // A stream has no length to announce: the limit is met while reading.
      const encoded = new Response(form);
      const response = await fetch(`${server().url}/files?${roomOf(bob)}`, {
        method: 'POST',
        headers: { authentication: ada.token, 'content-type': encoded.headers.get('content-type')! },
        body: encoded.body,
        duplex: 'half',
      } as RequestInit);
      expect([response.status, await response.text()]).toEqual([413, expect.any(String)]);
      await expectNothingLeft(ada, before);
    });

    it('an interrupted upload leaves nothing behind', async () => {
      const { ada, bob } = await pair();
      const before = await store.keys();
      await interruptedUpload(server().url, ada.token, roomOf(bob), 900 * 1024, 300 * 1024);
      await expectNothingLeft(ada, before);
      // The server is fine afterwards.
      expect((await upload(server(), ada.token, roomOf(bob), { name: 'ok.txt', bytes: Buffer.from('ok') })).status).toBe(201);
    });

    it('an interrupted image upload leaves nothing behind while other images are stored', async () => {
      const { ada, bob } = await pair();
      const before = await store.keys();
      const png = await pngOf(300, 300);
      // Two pictures go through the image slots around the one that is cut off.
      const busy = [0, 1].map(() => upload(server(), ada.token, roomOf(bob), { name: 'busy.png', bytes: png }));
      await interruptedUpload(server().url, ada.token, roomOf(bob), 900 * 1024, 200 * 1024, png.subarray(0, 100), 'cut.png');
      const answers = await Promise.all(busy);
      expect(answers.map((a) => a.status)).toEqual([201, 201]);
      for (const answer of answers) await call(server(), 'DELETE', `/files/${answer.body.file.file_id}`, { token: ada.token });
      await expectNothingLeft(ada, before);
    });

    it('an image bomb is refused and leaves nothing behind', async () => {
      const { ada, bob } = await pair();
      const before = await store.keys();
      const answer = await upload(server(), ada.token, roomOf(bob), { name: 'bomb.png', bytes: pngBomb() });
      expect(answer.status).toBe(413);
      expect(answer.body.error?.message).toMatch(/megapixels/);
      await expectNothingLeft(ada, before);
    });

    it('a corrupt image is refused and leaves nothing behind', async () => {
      const { ada, bob } = await pair();
      const before = await store.keys();
      const png = await pngOf(50, 50);
      const answer = await upload(server(), ada.token, roomOf(bob), { name: 'x.png', bytes: png.subarray(0, 60) });
      expect(answer.status).toBe(400);
      await expectNothingLeft(ada, before);
    });

    it('path tricks in names are cut to a plain name, which never becomes a path', async () => {
      const { ada, bob } = await pair();
      const tricks: [string, string][] = [
        ['../../etc/passwd', 'passwd'],
        ['..\\..\\boot.ini', 'boot.ini'],
        ['.htaccess', 'htaccess'],
        ['invoice\u202Efdp.exe', 'invoice_fdp.exe'],
        ['..', 'file'],
      ];
      for (const [given, kept] of tricks) {
        const answer = await upload(server(), ada.token, roomOf(bob), { name: given, bytes: Buffer.from('x') });
        expect(answer.status).toBe(201);
        expect(answer.body.file.name).toBe(kept);
      }
      expect((await store.keys()).every((key) => /^[\w-]{22}(\.thumb)?$/.test(key))).toBe(true);
    });

    it('refuses a request that is not multipart, or has no file', async () => {
      const { ada, bob } = await pair();
      const json = await call(server(), 'POST', `/files?${roomOf(bob)}`, { token: ada.token, body: { file: 'x' } });
      expect(json.status).toBe(400);
      const form = new FormData();
      form.append('note', 'no file here');
      const empty = await fetch(`${server().url}/files?${roomOf(bob)}`, { method: 'POST', headers: { authentication: ada.token }, body: form });
      expect(empty.status).toBe(400);
      expect(((await empty.json()) as { error: { code: string } }).error.code).toBe('invalid_input');
    });

    it('an upload needs a token and a conversation the uploader can post to', async () => {
      const { ada, bob } = await pair();
      const bytes = Buffer.from('x');
      expect((await upload(server(), '', roomOf(bob), { name: 'a.txt', bytes })).status).toBe(401);
      expect((await upload(server(), ada.token, '', { name: 'a.txt', bytes })).status).toBe(400);
      expect((await upload(server(), ada.token, roomOf(ada), { name: 'a.txt', bytes })).status).toBe(400);
      expect((await upload(server(), ada.token, 'other_user_id=999999999', { name: 'a.txt', bytes })).status).toBe(404);
      const group = await call<ChatGroup>(server(), 'POST', '/chat_groups', { token: bob.token, body: { chat_group_name: `g-${bob.user.user_id}-${kind}` } });
      expect((await upload(server(), ada.token, `chat_group_id=${group.body.chat_group_id}`, { name: 'a.txt', bytes })).status).toBe(403);
    });

    it('group members read the files of the group; others do not', async () => {
      const { ada, bob } = await pair();
      const eve = await signUp(server());
      const group = await call<ChatGroup>(server(), 'POST', '/chat_groups', { token: ada.token, body: { chat_group_name: `files-${ada.user.user_id}-${kind}` } });
      const groupId = group.body.chat_group_id;
      for (const member of [ada, bob]) await call(server(), 'GET', `/chat_groups/${groupId}`, { token: member.token });
      const answer = await upload(server(), ada.token, `chat_group_id=${groupId}`, { name: 'plan.png', bytes: await pngOf(30, 20) });
      expect(answer.status).toBe(201);
      const socket = await connect(server().url, ada.token);
      const ack = await send(socket, { chat_type: 'group', chat_group_id: groupId, message: 'the plan', attachments: [answer.body.file.file_id] });
      expect(ack.ok).toBe(true);
      expect((await call(server(), 'GET', `/files/${answer.body.file.file_id}`, { token: bob.token })).status).toBe(200);
      expect((await call(server(), 'GET', `/files/${answer.body.file.file_id}`, { token: eve.token })).status).toBe(404);
    });

    it("a send may only show the sender's own uploads for that conversation, each once, at most ten", async () => {
      const { ada, bob } = await pair();
      const eve = await signUp(server());
      const bobs = await upload(server(), bob.token, roomOf(ada), { name: 'b.txt', bytes: Buffer.from('b') });
      expect(await sendRoom(ada, bob, [bobs.body.file.file_id])).toMatchObject({ ok: false, error: { code: 'not_found' } });
      const forEve = await upload(server(), ada.token, roomOf(eve), { name: 'e.txt', bytes: Buffer.from('e') });
      expect(await sendRoom(ada, bob, [forEve.body.file.file_id])).toMatchObject({ ok: false, error: { code: 'not_found' } });
      const mine = await upload(server(), ada.token, roomOf(bob), { name: 'a.txt', bytes: Buffer.from('a') });
      expect((await sendRoom(ada, bob, [mine.body.file.file_id])).ok).toBe(true);
      expect(await sendRoom(ada, bob, [mine.body.file.file_id])).toMatchObject({ ok: false, error: { code: 'conflict' } });
      const eleven = Array.from({ length: 11 }, (_, i) => `${'a'.repeat(21)}${i % 10}`);
      expect(await sendRoom(ada, bob, eleven)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(await sendRoom(ada, bob, [])).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    });

    it('a retried send with files answers with the first message', async () => {
      const { ada, bob } = await pair();
      const file = await upload(server(), ada.token, roomOf(bob), { name: 'a.txt', bytes: Buffer.from('a') });
      const socket = await connect(server().url, ada.token);
      const payload = { chat_type: 'room', other_user_id: bob.user.user_id, message: '', attachments: [file.body.file.file_id], client_id: crypto.randomUUID() };
      const first = await send(socket, payload);
      const again = await send(socket, payload);
      expect(again).toEqual(first);
    });

    it('the per-user quota refuses what would not fit', async () => {
      const { ada, bob } = await pair();
      for (let i = 0; i < 2; i++) {
        expect((await upload(server(), ada.token, roomOf(bob), { name: `${i}.bin`, bytes: Buffer.alloc(mib - 4096, 1) })).status).toBe(201);
      }
      const over = await upload(server(), ada.token, roomOf(bob), { name: 'third.bin', bytes: Buffer.alloc(mib - 4096, 1) });
      expect(over.status).toBe(413);
      expect(over.body.error?.message).toMatch(/at most 2.5 MiB/);
    });

    it('an upload removed from the composer is gone', async () => {
      const { ada, bob } = await pair();
      const file = await upload(server(), ada.token, roomOf(bob), { name: 'a.png', bytes: await pngOf(8, 8) });
      const id = file.body.file.file_id;
      expect((await call(server(), 'DELETE', `/files/${id}`, { token: bob.token })).status).toBe(404);
      expect((await call(server(), 'DELETE', `/files/${id}`, { token: ada.token })).status).toBe(200);
      expect(await store.keys()).not.toContain(id);
      expect((await call(server(), 'GET', `/files/${id}`, { token: ada.token })).status).toBe(404);
    });

    it('files never shown in a message are removed after a day; files of a deleted message at once', async () => {
      const { ada, bob } = await pair();
      const kept = await upload(server(), ada.token, roomOf(bob), { name: 'kept.txt', bytes: Buffer.from('k') });
      const left = await upload(server(), ada.token, roomOf(bob), { name: 'left.png', bytes: await pngOf(8, 8) });
      const ack = await sendRoom(ada, bob, [kept.body.file.file_id]);
      const deps = { db: server().db, fileStore: server().app.fileStore };
      await purgeUnattachedFiles(deps, new Date(Date.now() + fileLimits.unattachedTtlMs - 60_000));
      expect(await store.keys()).toContain(left.body.file.file_id);
      await purgeUnattachedFiles(deps, new Date(Date.now() + fileLimits.unattachedTtlMs + 60_000));
      const keys = await store.keys();
      expect(keys).not.toContain(left.body.file.file_id);
      expect(keys).not.toContain(`${left.body.file.file_id}.thumb`);
      expect(keys).toContain(kept.body.file.file_id);

      const messageId = (ack as { message: RoomChatMessage }).message.id;
      expect(await removeFilesOfMessages(deps, [messageId])).toBe(1);
      expect(await store.keys()).not.toContain(kept.body.file.file_id);
      expect((await call(server(), 'GET', `/files/${kept.body.file.file_id}`, { token: bob.token })).status).toBe(404);
    });

    it('deleting a message removes its files: the bytes, the link, and the list in its history', async () => {
      const { ada, bob } = await pair();
      const file = await upload(server(), ada.token, roomOf(bob), { name: 'gone.png', bytes: await pngOf(16, 16) });
      const id = file.body.file.file_id;
      const socket = await connect(server().url, ada.token);
      const ack = await send(socket, { chat_type: 'room', other_user_id: bob.user.user_id, message: 'see this', attachments: [id] });
      if (!ack.ok) throw new Error('the send was refused');
      const roomId = (ack.message as RoomChatMessage).chat_room_id;
      const deleted = await new Promise<{ ok: boolean }>((resolve) =>
        socket.emit('delete_message', { chat_type: 'room', id: ack.message.id }, (answer: { ok: boolean }) => resolve(answer)),
      );
      expect(deleted.ok).toBe(true);
      expect(await store.keys()).not.toContain(id);
      expect(await store.keys()).not.toContain(`${id}.thumb`);
      expect((await call(server(), 'GET', `/files/${id}`, { token: bob.token })).status).toBe(404);
      const page = await call<{ messages: Record<string, unknown>[] }>(server(), 'GET', `/chat_rooms/${roomId}`, { token: bob.token });
      expect(page.body.messages.find((m) => m.id === ack.message.id)).toEqual({ id: ack.message.id, user_id: ada.user.user_id, timestamp: expect.any(String), deleted: true });
    });
  });
}
