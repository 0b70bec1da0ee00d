import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freePort } from './processes.js';

const exec = promisify(execFile);

/** Debian's nginx, where `apt-get install nginx` puts it. */
export const nginxBinary = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path));

/** The site configuration operators install, as the repository ships it. */
export const siteConfPath = fileURLToPath(new URL('../../../../deploy/nginx/parley.conf', import.meta.url));

export interface Nginx {
  /** `https://127.0.0.1:<port>`: the TLS server of the site. */
  url: string;
  /** `http://127.0.0.1:<port>`: the plain-HTTP server that redirects. */
  plainUrl: string;
  /** The certificate it serves (self-signed for 127.0.0.1), for clients to trust. */
  ca: Buffer;
  stop(): Promise<void>;
  output(): string;
}

/** Replaces `find` once, failing loudly when the site file no longer says it. */
function replaceOnce(text: string, find: string | RegExp, by: string): string {
  const count = typeof find === 'string' ? text.split(find).length - 1 : (text.match(new RegExp(find.source, `${find.flags}g`)) ?? []).length;
  if (count !== 1) throw new Error(`deploy/nginx/parley.conf: expected one ${String(find)}, found ${count}`);
  return text.replace(find, by);
}

/**
 * The shipped site file with only what differs on a test machine changed: the listening ports
 * (random, loopback), the upstream nodes' ports and the certificate's path. Everything else
 * (proxy headers, upgrade, hashing, locations) is the file as operators get it.
 */
function siteForTest(site: string, ports: { tls: number; plain: number; nodes: [number, number] }, tlsDir: string): string {
  let text = site;
  text = replaceOnce(text, /^(\s*)server 127\.0\.0\.1:3001 /m, `$1server 127.0.0.1:${ports.nodes[0]} `);
  text = replaceOnce(text, /^(\s*)server 127\.0\.0\.1:3002 /m, `$1server 127.0.0.1:${ports.nodes[1]} `);
  text = replaceOnce(text, /^\s*listen \[::\]:80;\n/m, '');
  text = replaceOnce(text, /^\s*listen \[::\]:443 ssl http2;\n/m, '');
  text = replaceOnce(text, /listen 80;/, `listen 127.0.0.1:${ports.plain};`);
  text = replaceOnce(text, /listen 443 ssl http2;/, `listen 127.0.0.1:${ports.tls} ssl http2;`);
  text = replaceOnce(text, '/etc/nginx/tls/chat.example.com.crt', join(tlsDir, 'site.crt'));
  text = replaceOnce(text, '/etc/nginx/tls/chat.example.com.key', join(tlsDir, 'site.key'));
  return text;
}

/**
 * nginx in the foreground as a child of the test (one process, no daemon, no master), with its
 * prefix, pid, logs and temporary files in a folder of its own: nothing under /etc or /var.
 */
export async function startNginx(nodePorts: [number, number]): Promise<Nginx> {
  if (!nginxBinary) throw new Error('nginx is not installed');
  const dir = await mkdtemp(join(tmpdir(), 'parley-nginx-'));
  await mkdir(join(dir, 'tmp'));
  await mkdir(join(dir, 'logs'));
  await exec('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'site.key'), '-out', join(dir, 'site.crt'),
  ]);
  const ports = { tls: await freePort(), plain: await freePort(), nodes: nodePorts };
  await writeFile(join(dir, 'parley.conf'), siteForTest(await readFile(siteConfPath, 'utf8'), ports, dir));
  const temp = (name: string) => `${name}_temp_path ${join(dir, 'tmp', name)};`;
  await writeFile(
    join(dir, 'nginx.conf'),
    [
      `pid ${join(dir, 'nginx.pid')};`,
      `error_log ${join(dir, 'logs', 'error.log')} warn;`,
      'worker_processes 1;',
      'events { worker_connections 512; }',
      'http {',
      `  access_log ${join(dir, 'logs', 'access.log')};`,
      `  ${temp('client_body')} ${temp('proxy')} ${temp('fastcgi')} ${temp('uwsgi')} ${temp('scgi')}`,
      `  include ${join(dir, 'parley.conf')};`,
      '}',
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(
    nginxBinary,
    ['-p', `${dir}/`, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'logs', 'early.log'), '-g', 'daemon off; master_process off;'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const logs = async () => `${out}${await readFile(join(dir, 'logs', 'error.log'), 'utf8').catch(() => '')}`;
  let gone = false;
  void exited.then(() => (gone = true));
  // Listening once the plain server answers its redirect.
  for (let attempt = 0; ; attempt += 1) {
    if (gone) throw new Error(`nginx exited: ${await logs()}`);
    const up = await fetch(`http://127.0.0.1:${ports.plain}/`, { redirect: 'manual' }).then(
      (r) => r.status === 301,
      () => false,
    );
    if (up) break;
    if (attempt > 100) throw new Error(`nginx did not answer: ${await logs()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  let errorLog = '';
  return {
    url: `https://127.0.0.1:${ports.tls}`,
    plainUrl: `http://127.0.0.1:${ports.plain}`,
    ca: await readFile(join(dir, 'site.crt')),
    output: () => `${out}${errorLog}`,
    async stop() {
      errorLog = await logs();
      if (!gone) child.kill('SIGQUIT');
      await exited;
    },
  };
}
