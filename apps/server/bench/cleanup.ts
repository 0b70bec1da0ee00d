/**
 * Everything the benchmark creates outside its own memory (databases, temp folders, servers) is
 * registered here, so a failure, Ctrl-C or the watchdog still removes it.
 */
const steps: { label: string; run: () => Promise<void> }[] = [];
let chain: Promise<void> = Promise.resolve();

/** Registers an undo step; steps run newest first, like nested `finally` blocks. */
export function onCleanup(label: string, run: () => Promise<void>): void {
  steps.unshift({ label, run });
}

/** Runs every step registered so far, once, even when some fail; later steps wait for a later call. */
export function runCleanups(): Promise<void> {
  chain = chain.then(async () => {
    for (const step of steps.splice(0)) {
      try {
        await step.run();
      } catch (error) {
        console.error(`cleanup "${step.label}" failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  });
  return chain;
}

/**
 * Cleans up and exits on SIGINT/SIGTERM, on a crash, and after `limitMs` whatever happens. While
 * stopping, closing the database links makes queries in flight fail; those failures are expected
 * and must not end the process before the database is dropped.
 */
export function guardProcess(limitMs: number): void {
  let stopping = false;
  const stop = (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    console.error(reason);
    void runCleanups().finally(() => process.exit(code));
  };
  const crash = (error: unknown) => {
    if (stopping) return;
    stop(`the benchmark crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, 1);
  };
  process.on('SIGINT', () => stop('interrupted: cleaning up', 130));
  process.on('SIGTERM', () => stop('terminated: cleaning up', 143));
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  setTimeout(() => stop(`the benchmark passed its ${limitMs / 1000} s limit: cleaning up`, 1), limitMs).unref();
}
