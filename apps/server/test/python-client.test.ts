import { execFile, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKind } from './support/database.js';
import { startServerProcess, type ServerProcess } from './python-client/server-process.js';

// Debian's interpreter, not whatever `python3` a PATH (pyenv, a venv) finds first.
const python = '/usr/bin/python3';
const script = fileURLToPath(new URL('./python-client/client.py', import.meta.url));
const hasClient = spawnSync(python, ['-c', 'import socketio'], { stdio: 'ignore' }).status === 0;
const run = promisify(execFile);

// The wire does not depend on the database, so one project is enough: PGlite, the server a
// newcomer gets from the bare `npm run server` the document describes.
const title = hasClient
  ? 'a Python client registers, confirms, logs in and chats over websocket and polling'
  : `a Python client (SKIPPED: ${python} cannot import socketio; apt-get install python3-socketio python3-requests python3-websocket)`;

describe.runIf(testDatabaseKind === 'pglite')('the protocol document, followed in another language', () => {
  describe.skipIf(!hasClient)(title, () => {
    let server: ServerProcess | undefined;

    beforeAll(async () => {
      server = await startServerProcess();
    }, 120_000);

    afterAll(async () => {
      await server?.stop();
    });

    it('runs client.py and gets the summary the document promises', async () => {
      const { url, dataDir } = server!;
      let stdout: string;
      try {
        ({ stdout } = await run(python, [script, url, join(dataDir, 'outbox')], { timeout: 60_000 }));
      } catch (error) {
        const failed = error as { stdout?: string; stderr?: string };
        throw new Error(`client.py failed: ${failed.stdout ?? ''}${failed.stderr ?? ''}\nserver: ${server!.output()}`);
      }
      const summary: unknown = JSON.parse(stdout.trim().split('\n').at(-1)!);
      expect(summary).toEqual({
        ok: true,
        transports: ['websocket', 'polling'],
        rooms: [
          { from: 'websocket', to: 'polling', message: 'hello Bob over websocket', chat_type: 'room', same_room: true, unread_count: 1 },
          { from: 'polling', to: 'websocket', message: 'hello Ada over polling', chat_type: 'room', same_room: true, unread_count: 1 },
        ],
        group: { group_created: true, message: 'hello group', chat_type: 'group', unread_count: 1 },
        // More packets in one poll response than python-engineio takes by default.
        burst: { sent: 12, received: 12, to: 'polling' },
        bob_total_unread: 14,
      });
    }, 90_000);
  });
});
