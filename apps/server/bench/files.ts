import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { uploadResponseSchema, type FileResponse } from '@parley/shared';
import sharp from 'sharp';
import { openPgliteBench } from './bench-database.js';
import { migrate, startBenchServer } from './bench-server.js';
import { guardProcess, onCleanup, runCleanups } from './cleanup.js';
import { seedLoadUsers } from './load-users.js';
import { machineLine } from './report.js';

const run = promisify(execFile);
const mib = 1024 * 1024;

/** One curl transfer: its time and bytes as curl itself measured them. */
async function curl(args: string[]): Promise<{ seconds: number; output: string }> {
  const { stdout } = await run('curl', ['-sS', '--fail-with-body', ...args, '-w', '\n%{time_total}'], { maxBuffer: 4 * mib });
  const lines = stdout.trimEnd().split('\n');
  return { seconds: Number(lines.pop()), output: lines.join('\n') };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const rate = (bytes: number, seconds: number) => bytes / mib / seconds;

/** The baseline: a bare Node HTTP server that streams an upload to disk and a file back. */
async function startBareCopy(dir: string): Promise<string> {
  const server = createServer((req, res) => {
    const path = join(dir, 'bare-copy');
    if (req.method === 'POST') {
      void pipeline(req, createWriteStream(path)).then(() => res.end('{}'), () => res.writeHead(500).end());
    } else {
      res.setHeader('Content-Type', 'application/octet-stream');
      void pipeline(createReadStream(path), res).catch(() => res.destroy());
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onCleanup('stop the bare copy server', () => new Promise((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export interface FilesBench {
  fileMib: number;
  runs: number;
  parley: { upload: number; download: number };
  bare: { upload: number; download: number };
  memory: { idleMib: number; peakMib: number; parallel: number; eachMib: number; seconds: number };
  images: { eachMib: number; megapixels: number; idleMib: number; peakMib: number; seconds: number };
}

/**
 * Upload and download throughput of one 10 MiB file through Parley (multipart upload, sniffing,
 * storage on disk, a signed download) against a bare copy of the same bytes over HTTP, both
 * driven by curl on loopback; then this process's memory while ten 25 MiB uploads stream in
 * at once. The server runs in this process (on PGlite), curl in its own.
 */
export async function filesBench(runs = 5): Promise<FilesBench> {
  const dir = await mkdtemp(join(tmpdir(), 'parley-bench-files-'));
  onCleanup(`remove ${dir}`, () => rm(dir, { recursive: true, force: true }));
  const small = join(dir, 'ten.bin');
  const big = join(dir, 'twenty-five.bin');
  await writeFile(small, randomBytes(10 * mib));
  await writeFile(big, randomBytes(25 * mib));

  const bench = await openPgliteBench();
  await migrate(bench.db);
  const users = await seedLoadUsers(bench, 2);
  const server = await startBenchServer(bench.db);
  const token = users.sender.token;
  const target = `${server.url}/files?other_user_id=${users.ids[0]}`;
  const bareUrl = await startBareCopy(dir);

  const parley = { upload: [] as number[], download: [] as number[] };
  const bare = { upload: [] as number[], download: [] as number[] };
  for (let i = 0; i < runs; i++) {
    const up = await curl(['-H', `authentication: ${token}`, '-F', `file=@${small};filename=ten.bin`, target]);
    parley.upload.push(rate(10 * mib, up.seconds));
    const fileId = uploadResponseSchema.parse(JSON.parse(up.output)).file.file_id;
    const described = await curl(['-H', `authentication: ${token}`, `${server.url}/files/${fileId}`]);
    const link = (JSON.parse(described.output) as FileResponse).link.url;
    parley.download.push(rate(10 * mib, (await curl(['-o', '/dev/null', `${server.url}${link}`])).seconds));
    bare.upload.push(rate(10 * mib, (await curl(['--data-binary', `@${small}`, '-H', 'content-type: application/octet-stream', bareUrl])).seconds));
    bare.download.push(rate(10 * mib, (await curl(['-o', '/dev/null', bareUrl])).seconds));
  }

  // Memory: this process (the server) sampled while ten curl processes upload at once.
  const parallel = 10;
  const during = async (path: string, name: string) => {
    const idle = process.memoryUsage().rss;
    let peak = idle;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    const started = performance.now();
    await Promise.all(Array.from({ length: parallel }, (_, i) => curl(['-H', `authentication: ${token}`, '-F', `file=@${path};filename=${i}-${name}`, target])));
    clearInterval(sampler);
    return { idle, peak, seconds: (performance.now() - started) / 1000 };
  };
  const { idle, peak, seconds } = await during(big, 'big.bin');
  // Images are decoded and re-encoded (EXIF stripped, thumbnail made): sharp holds each whole.
  const photo = join(dir, 'photo.jpg');
  await writeFile(photo, await sharp(randomBytes(4000 * 3000 * 3), { raw: { width: 4000, height: 3000, channels: 3 } }).jpeg({ quality: 95 }).toBuffer());
  const photoMib = (await stat(photo)).size / mib;
  const images = await during(photo, 'photo.jpg');

  return {
    images: { eachMib: photoMib, megapixels: 12, idleMib: images.idle / mib, peakMib: images.peak / mib, seconds: images.seconds },
    fileMib: 10,
    runs,
    parley: { upload: median(parley.upload), download: median(parley.download) },
    bare: { upload: median(bare.upload), download: median(bare.download) },
    memory: { idleMib: idle / mib, peakMib: peak / mib, parallel, eachMib: 25, seconds },
  };
}

const fixed = (n: number) => n.toFixed(0);

export function filesReport(result: FilesBench): string {
  const share = (ours: number, theirs: number) => `${fixed((ours / theirs) * 100)} %`;
  return [
    `## Files: one ${result.fileMib} MiB file over loopback, median of ${result.runs} (curl on both sides)`,
    '',
    '| transfer | Parley | bare HTTP copy | Parley / bare |',
    '| --- | ---: | ---: | ---: |',
    `| upload (MiB/s) | ${fixed(result.parley.upload)} | ${fixed(result.bare.upload)} | ${share(result.parley.upload, result.bare.upload)} |`,
    `| download (MiB/s) | ${fixed(result.parley.download)} | ${fixed(result.bare.download)} | ${share(result.parley.download, result.bare.download)} |`,
    '',
    `Server memory (RSS) during ${result.memory.parallel} parallel ${result.memory.eachMib} MiB uploads: ` +
      `${fixed(result.memory.idleMib)} MiB before, ${fixed(result.memory.peakMib)} MiB at most (${result.memory.seconds.toFixed(1)} s for all).`,
    `The same with ${result.memory.parallel} parallel ${result.images.megapixels} MP JPEG photos of ${result.images.eachMib.toFixed(1)} MiB ` +
      `(decoded, re-encoded, thumbnailed): ${fixed(result.images.idleMib)} MiB before, ${fixed(result.images.peakMib)} MiB at most (${result.images.seconds.toFixed(1)} s).`,
  ].join('\n');
}

// `npx tsx bench/files.ts`: this section alone.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  guardProcess(5 * 60_000);
  console.log(machineLine());
  filesBench()
    .then((result) => console.log(filesReport(result)))
    .finally(() => runCleanups())
    .then(() => process.exit(0), (error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
