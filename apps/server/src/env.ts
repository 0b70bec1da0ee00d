import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import proxyAddr from 'proxy-addr';
import { fileLimits } from '@parley/shared';
import { z } from 'zod';
import { defaultMigrationsDir } from './db/migrate.js';
import { hostNameOf } from './http/host-name.js';

const optionalText = z
  .string()
  .optional()
  .transform((s) => (s?.trim() ? s.trim() : undefined));

const listOfText = z
  .string()
  .optional()
  .transform((s) =>
    (s ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item.length > 0),
  );

/** Host names, each as a Host header would name it (a port given with one is ignored). */
const listOfHostNames = listOfText.transform((items, ctx) =>
  items.map((item) => {
    const name = hostNameOf(item);
    if (name === null) ctx.addIssue({ code: 'custom', message: `"${item}" is not a host name` });
    return name ?? '';
  }),
);

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: optionalText,
  REDIS_URL: optionalText.pipe(z.url().optional()),
  REDIS_PREFIX: z.string().regex(/^[\w:.-]{1,64}$/).default('parley'),
  DATA_DIR: z.string().default('./data'),
  SMTP_URL: optionalText,
  PUBLIC_URL: optionalText.pipe(z.url().optional()),
  RATE_LIMITS: z.enum(['on', 'off']).default('on'),
  ALLOWED_ORIGINS: listOfText,
  ALLOWED_HOSTS: listOfHostNames,
  TRUST_PROXY: listOfText,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BOT_API_URL: optionalText,
  BOT_MODEL: optionalText,
  BOT_API_KEY: optionalText,
  BOT_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
  WEB_CLIENT_DIR: optionalText,
  UPDATES_DIR: optionalText,
  MIGRATIONS_DIR: optionalText,
  METRICS_TOKEN: optionalText,
  MAX_UPLOAD_MB: z.coerce.number().positive().max(5 * 1024).default(fileLimits.defaultMaxUploadMb),
  UPLOAD_QUOTA_MB: z.coerce.number().positive().default(fileLimits.defaultQuotaMb),
  FILE_URL_SECRET: optionalText,
  S3_URL: optionalText.pipe(z.url().optional()),
  S3_BUCKET: z.string().default('parley-files'),
  S3_REGION: z.string().default('us-east-1'),
  S3_ACCESS_KEY_ID: optionalText,
  S3_SECRET_ACCESS_KEY: optionalText,
  METRICS_ALLOWED: listOfText.transform((items, ctx) => {
    const list = items.length > 0 ? items : ['loopback'];
    if (list.some((item) => item.toLowerCase() === 'none')) return [];
    try {
      proxyAddr.compile(list);
    } catch {
      ctx.addIssue({ code: 'custom', message: `"${list.join(',')}" is not a list of addresses, ranges or loopback` });
    }
    return list;
  }),
});

/** Everything the server is configured with, parsed once at start. */
export interface Settings {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** With it, several nodes share Socket.IO's events and the rate limits through Redis. */
  redisUrl: string | undefined;
  /** Prefix of every Redis key and stream Parley makes: several deployments may share one Redis. */
  redisPrefix: string;
  dataDir: string;
  smtpUrl: string | undefined;
  /** Origin that links in mail point at, without a trailing slash. */
  publicUrl: string;
  /** True when PUBLIC_URL was not given: main.ts sets it from the port actually bound (PORT=0). */
  publicUrlFromPort: boolean;
  rateLimits: boolean;
  allowedOrigins: string[];
  /** Host names the server answers to besides its own (PUBLIC_URL's, loopback, its interfaces'). */
  allowedHosts: string[];
  /** Express `trust proxy` value: false, or the proxies whose X-Forwarded-For is believed. */
  trustProxy: string[] | false;
  logLevel: string;
  bot: { apiUrl?: string; model?: string; apiKey?: string; timeoutMs: number };
  webClientDir: string;
  /** The desktop app's update feed, served at /updates/ when set. */
  updatesDir: string | undefined;
  migrationsDir: string;
  /** A bearer token that opens `/metrics` from any address. */
  metricsToken: string | undefined;
  /** Addresses and ranges (proxy-addr notation) that read `/metrics` without a token; `none`: none. */
  metricsAllowed: string[];
  files: FileSettings;
}

export interface FileSettings {
  /** `DATA_DIR/files` unless `S3_URL` names an S3-compatible store. */
  dir: string;
  s3: { url: string; bucket: string; region: string; accessKeyId?: string; secretAccessKey?: string } | undefined;
  maxUploadBytes: number;
  quotaBytes: number;
  /** Signs download links; unset, a random key per process (links then die with a restart). */
  urlSecret: string | undefined;
}

/** The web build another workspace produces, found from this package's folder. */
function defaultWebClientDir(): string {
  // src/env.ts and dist/main.js are both two levels below apps/.
  return fileURLToPath(new URL('../../desktop/out/web', import.meta.url));
}

/**
 * Relative paths are read from where the person ran the command: npm runs a workspace's script
 * inside the workspace but says where it was called from in INIT_CWD, so `npm run server` at the
 * repository root keeps its data in `./data` there.
 */
function callerDir(env: NodeJS.ProcessEnv): string {
  return env.INIT_CWD ?? process.cwd();
}

export function parseSettings(env: NodeJS.ProcessEnv): Settings {
  const base = callerDir(env);
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid settings: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    dataDir: resolve(base, e.DATA_DIR),
    smtpUrl: e.SMTP_URL,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    publicUrlFromPort: e.PUBLIC_URL === undefined,
    rateLimits: e.RATE_LIMITS === 'on',
    allowedOrigins: e.ALLOWED_ORIGINS,
    allowedHosts: e.ALLOWED_HOSTS,
    trustProxy: e.TRUST_PROXY.length > 0 ? e.TRUST_PROXY : false,
    logLevel: e.LOG_LEVEL,
    bot: { apiUrl: e.BOT_API_URL, model: e.BOT_MODEL, apiKey: e.BOT_API_KEY, timeoutMs: e.BOT_TIMEOUT_MS },
    webClientDir: e.WEB_CLIENT_DIR ? resolve(base, e.WEB_CLIENT_DIR) : defaultWebClientDir(),
    updatesDir: e.UPDATES_DIR ? resolve(base, e.UPDATES_DIR) : undefined,
    migrationsDir: e.MIGRATIONS_DIR ? resolve(base, e.MIGRATIONS_DIR) : defaultMigrationsDir(),
    metricsToken: e.METRICS_TOKEN,
    metricsAllowed: e.METRICS_ALLOWED,
    files: {
      dir: resolve(base, e.DATA_DIR, 'files'),
      s3: e.S3_URL
        ? {
            url: e.S3_URL,
            bucket: e.S3_BUCKET,
            region: e.S3_REGION,
            accessKeyId: e.S3_ACCESS_KEY_ID,
            secretAccessKey: e.S3_SECRET_ACCESS_KEY,
          }
        : undefined,
      maxUploadBytes: Math.floor(e.MAX_UPLOAD_MB * 1024 * 1024),
      quotaBytes: Math.floor(e.UPLOAD_QUOTA_MB * 1024 * 1024),
      urlSecret: e.FILE_URL_SECRET,
    },
  };
}

/**
 * Reads `.env` when there is one (real environment variables win), then parses. A host that
 * passes every setting itself (the desktop app) sets PARLEY_DOTENV=off, so that no `.env` lying
 * in its folder can change what its server does.
 */
export function loadSettings(): Settings {
  const envFile = resolve(callerDir(process.env), '.env');
  if (process.env.PARLEY_DOTENV !== 'off' && existsSync(envFile)) process.loadEnvFile(envFile);
  return parseSettings(process.env);
}
