import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoginResponse } from '@parley/shared';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from './support/database.js';
import { readFinalStage } from './support/dockerfile.js';
import { call, uniqueEmail } from './support/http.js';
import { linkTokenIn } from './support/outbox.js';
import { freePort } from './support/processes.js';
import { runNode } from './support/run-node.js';
import { closeAllSockets, connect, nextEvent, send } from './support/sockets.js';

/*
 * The production start runs compiled JavaScript: `npm run start:prod` (the bundle), and the
 * Docker image's command line. No Docker engine runs here, so the image is checked by running
 * its final stage's CMD with its ENV, from a bundle laid out where its COPY lines put it.
 */
const serverDir = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = resolve(serverDir, '../..');
const started: ChildProcess[] = [];
const databases: TestDatabase[] = [];
afterAll(async () => {
  closeAllSockets();
  for (const child of started) if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGKILL');
  for (const db of databases) await db.drop();
});

interface Running {
  url: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  output(): string;
}

/** Starts a command in a process group of its own and waits for the server's listening line. */
function startAndListen(command: string, args: string[], options: { cwd: string; env: Record<string, string> }): Promise<Running> {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  started.push(child);
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`no listening line: ${out}`)), 60_000);
    const onData = () => {
      const match = /"url":"(http:\/\/[^"]+)"/.exec(out);
      if (!match) return;
      clearTimeout(timer);
      done({ url: match[1]!, child, exited, output: () => out });
    };
    child.stdout!.on('data', onData);
    void exited.then(() => fail(new Error(`exited before listening: ${out}`)));
  });
}

/** SIGTERM to the whole group (npm, its shell, node), then its exit code. */
async function stopGroup(running: Running): Promise<number | null> {
  process.kill(-running.child.pid!, 'SIGTERM');
  return running.exited;
}

/** The database the image or start:prod runs on in this project. */
async function databaseEnv(): Promise<Record<string, string>> {
  if (testDatabaseKind !== 'postgres') return {};
  const db = await createTestDatabase();
  databases.push(db);
  return db.target.kind === 'postgres' ? { DATABASE_URL: db.target.url } : {};
}

describe('the Dockerfile', () => {
  it('runs the bundle with node as a non-root user, with DATA_DIR in a volume, a health check and the port exposed', async () => {
    const stage = await readFinalStage(join(repoRoot, 'Dockerfile'));
    expect(stage.cmd).toEqual(['node', 'apps/server/dist/main.js']);
    expect(stage.user).toBeDefined();
    expect(['root', '0']).not.toContain(stage.user);
    expect(stage.env.DATA_DIR).toBe('/data');
    expect(stage.volumes).toContain('/data');
    expect(stage.expose).toContain(Number(stage.env.PORT));
    expect(stage.healthcheck?.join(' ')).toContain('/health');
    // No TypeScript loader and no npm in the way of signals at run time.
    expect(JSON.stringify(stage)).not.toMatch(/tsx|npm /);
  });

  it("its command line, with its ENV, answers /health, passes its own health check and stops on SIGTERM", async () => {
    const stage = await readFinalStage(join(repoRoot, 'Dockerfile'));
    const image = await mkdtemp(join(tmpdir(), 'parley-image-'));
    const workdir = join(image, stage.workdir ?? '/');
    // The build stage's outputs where the runtime stage's COPY lines put them: a fresh bundle,
    // and the rest from this checkout (the web client only when it has been built).
    for (const copy of stage.copies) {
      const dest = resolve(workdir, copy.dest);
      await mkdir(dirname(dest), { recursive: true });
      const relative = copy.source.replace(/^\/app\//, '');
      if (relative === 'apps/server/dist') {
        const built = await runNode(['scripts/bundle.mjs', `--outdir=${dest}`]);
        expect(built.code, built.stderr).toBe(0);
      } else if (existsSync(join(repoRoot, relative))) {
        await symlink(join(repoRoot, relative), dest);
      } else {
        expect(relative).toBe('apps/desktop/out/web');
        await mkdir(dest, { recursive: true });
      }
    }
    // The image's environment, nothing of ours: DATA_DIR's volume and the port are the only
    // values this machine decides (two test runs may share it).
    const port = String(await freePort());
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', ...stage.env, DATA_DIR: await mkdtemp(join(tmpdir(), 'parley-volume-')), PORT: port, ...(await databaseEnv()) };
    const [program, ...args] = stage.cmd;
    expect(program).toBe('node');
    const running = await startAndListen(process.execPath, args, { cwd: workdir, env });
    expect(running.url).toBe(`http://127.0.0.1:${port}`);
    expect((await call(running, 'GET', '/health')).body).toEqual({ status: 'ok' });
    const [checkProgram, ...checkArgs] = stage.healthcheck!;
    expect(checkProgram).toBe('node');
    const check = spawn(process.execPath, checkArgs, { cwd: workdir, env, stdio: 'ignore' });
    expect(await new Promise((done) => check.once('exit', done))).toBe(0);
    if (testDatabaseKind === 'pglite') {
      // The image's backup and restore commands, bundled beside the server.
      const file = join(env.DATA_DIR, 'backup.tar.gz');
      const backup = await runNode([join(workdir, 'apps/server/dist/backup.js'), '--out', file, '--url', running.url], env);
      expect(backup.code, backup.stderr).toBe(0);
      const restore = await runNode([join(workdir, 'apps/server/dist/restore.js'), '--in', file, '--data-dir', join(image, 'restored')], env);
      expect([restore.code, restore.stdout], restore.stderr).toEqual([0, expect.stringContaining('restored into')]);
    }
    expect(await stopGroup(running)).toBe(0);
  }, 120_000);
});

describe('deploy/compose.yaml', () => {
  it('parses, builds the Dockerfile, runs two nodes, PostgreSQL, Redis and nginx, and mounts files that exist', async () => {
    const composePath = join(repoRoot, 'deploy', 'compose.yaml');
    const compose = parse(await readFile(composePath, 'utf8'), { merge: true }) as {
      services: Record<string, { build?: { context: string; dockerfile: string }; volumes?: string[]; environment?: Record<string, string>; command?: string[] }>;
    };
    expect(Object.keys(compose.services).sort()).toEqual(['nginx', 'parley-a', 'parley-b', 'postgres', 'redis']);
    const here = dirname(composePath);
    for (const name of ['parley-a', 'parley-b']) {
      const node = compose.services[name]!;
      expect(existsSync(join(here, node.build!.context, node.build!.dockerfile))).toBe(true);
      expect(node.environment).toMatchObject({ DATABASE_URL: expect.stringMatching(/^postgres:\/\/.*@postgres:5432\//), REDIS_URL: 'redis://redis:6379', TRUST_PROXY: expect.any(String) });
    }
    for (const service of Object.values(compose.services)) {
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0]!;
        if (source.startsWith('.')) expect(existsSync(join(here, source)), `${source} exists`).toBe(true);
      }
    }
    // nginx rewrites the site file's two upstream addresses: both must be in it.
    const site = await readFile(join(here, 'nginx', 'parley.conf'), 'utf8');
    const command = compose.services.nginx!.command!.join(' ');
    for (const address of ['127.0.0.1:3001', '127.0.0.1:3002']) {
      expect(site).toContain(`server ${address} `);
      expect(command).toContain(address.replace(/\./g, '\\.'));
    }
  });
});

describe.skipIf(testDatabaseKind !== 'pglite')('npm run start:prod', () => {
  it('builds and serves the protocol from the bundle: register through the outbox, log in, a socket message', async () => {
    const built = await runNode(['scripts/bundle.mjs']);
    expect(built.code, built.stderr).toBe(0);
    const dataDir = await mkdtemp(join(tmpdir(), 'parley-start-prod-'));
    const running = await startAndListen('npm', ['run', 'start:prod', '-w', '@parley/server'], {
      cwd: repoRoot,
      env: { ...(process.env as Record<string, string>), PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, PARLEY_DOTENV: 'off' },
    });
    expect(running.output()).not.toContain('tsx');
    const people = [];
    for (const first of ['Ada', 'Bob']) {
      const email = uniqueEmail(first.toLowerCase());
      const password = `pw-${first}-12345`;
      expect((await call(running, 'POST', '/register', { body: { email, password, first_name: first, last_name: 'P' } })).status).toBe(202);
      const opened = await call(running, 'GET', `/register/${await linkTokenIn(join(dataDir, 'outbox'), email)}`);
      expect(opened.status).toBe(201);
      const login = await call<LoginResponse>(running, 'POST', '/login', { body: { email, password } });
      expect(login.status).toBe(200);
      people.push(login.body);
    }
    const [ada, bob] = people as [LoginResponse, LoginResponse];
    const adaSocket = await connect(running.url, ada.token);
    const bobSocket = await connect(running.url, bob.token);
    const delivered = nextEvent(bobSocket, 'message', (m) => m.chat_type === 'room' && m.message === 'from the bundle');
    expect((await send(adaSocket, { chat_type: 'room', other_user_id: bob.user.user_id, message: 'from the bundle' })).ok).toBe(true);
    expect(await delivered).toMatchObject({ user_id: ada.user.user_id });
    closeAllSockets();
    // SIGTERM to the server itself (its log lines carry its pid), as a service manager stopping
    // it would: it drains and exits 0, and npm with it.
    const serverPid = Number(/"pid":(\d+).*"msg":"Parley server listening"/.exec(running.output())?.[1]);
    expect(serverPid).not.toBe(running.child.pid);
    process.kill(serverPid, 'SIGTERM');
    expect(await running.exited, running.output()).toBe(0);
    expect(running.output()).toContain('shutting down');
  }, 120_000);
});
