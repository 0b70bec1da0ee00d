import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { onCleanup } from './cleanup.js';

/**
 * A benchmark process (server or load generator) with a request/answer channel over IPC. Every
 * child is killed by the cleanup, so a failure or Ctrl-C leaves no process behind.
 */
export interface BenchChild {
  readonly pid: number;
  readonly process: ChildProcess;
  call<T>(type: string, body?: Record<string, unknown>, timeoutMs?: number): Promise<T>;
  /** The first message of this `type` the child sends on its own (e.g. `listening`). */
  once<T>(type: string, timeoutMs: number): Promise<T>;
  stop(): Promise<void>;
}

interface Answer {
  id?: number;
  type?: string;
  result?: unknown;
  error?: string;
}

export function startChild(script: string, env: Record<string, string>, label: string, execArgv: string[] = []): BenchChild {
  const child = fork(fileURLToPath(new URL(script, import.meta.url)), [], {
    execArgv: ['--import', 'tsx', ...execArgv],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  // The report owns stdout: a child's log lines (the server's warnings) go to stderr.
  child.stdout?.pipe(process.stderr);
  if (child.pid === undefined) throw new Error(`${label} did not start`);
  const pid = child.pid;
  let nextId = 1;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const listeners = new Map<string, (v: unknown) => void>();
  let exited = false;
  child.on('message', (raw: unknown) => {
    const message = raw as Answer;
    if (message.id !== undefined) {
      const entry = waiting.get(message.id);
      waiting.delete(message.id);
      if (message.error !== undefined) entry?.reject(new Error(`${label}: ${message.error}`));
      else entry?.resolve(message.result);
    } else if (message.type !== undefined) {
      listeners.get(message.type)?.(message);
    }
  });
  child.on('exit', (code, signal) => {
    exited = true;
    for (const entry of waiting.values()) entry.reject(new Error(`${label} exited (${code ?? signal})`));
    waiting.clear();
  });
  const stop = async () => {
    if (exited) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await gone;
    clearTimeout(timer);
  };
  onCleanup(`stop ${label} (pid ${pid})`, stop);
  return {
    pid,
    process: child,
    stop,
    call<T>(type: string, body: Record<string, unknown> = {}, timeoutMs = 120_000): Promise<T> {
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        if (exited) return reject(new Error(`${label} has exited`));
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new Error(`${label}: ${type} timed out after ${timeoutMs} ms`));
        }, timeoutMs);
        waiting.set(id, {
          resolve: (v) => {
            clearTimeout(timer);
            resolve(v as T);
          },
          reject: (e) => {
            clearTimeout(timer);
            reject(e);
          },
        });
        child.send({ id, type, ...body });
      });
    },
    once<T>(type: string, timeoutMs: number): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${label}: no ${type} within ${timeoutMs} ms`)), timeoutMs);
        child.once('exit', (code) => reject(new Error(`${label} exited (${code}) before ${type}`)));
        listeners.set(type, (v) => {
          clearTimeout(timer);
          resolve(v as T);
        });
      });
    },
  };
}

/** The child side: answers requests with `handle`; an exception becomes the error answer. */
export function serveRequests(handle: (type: string, body: Record<string, unknown>) => Promise<unknown>): void {
  process.on('message', (raw: unknown) => {
    const { id, type, ...body } = raw as { id?: number; type?: string } & Record<string, unknown>;
    if (id === undefined || type === undefined) return;
    handle(type, body).then(
      (result) => process.send?.({ id, result }),
      (error: unknown) => process.send?.({ id, error: error instanceof Error ? error.message : String(error) }),
    );
  });
  // Orphaned by a killed parent: leave too.
  process.on('disconnect', () => process.exit(0));
}

/** What the servers report when asked `memory`: after a full GC, so retained memory only. */
export async function memoryAfterGc(): Promise<{ rss: number; heapUsed: number }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 3; i += 1) {
    gc?.();
    await new Promise((r) => setTimeout(r, 50));
  }
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed };
}
