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

/** Cleans up and exits on SIGINT/SIGTERM, and after `limitMs` whatever happens. */
export function guardProcess(limitMs: number): void {
  const stop = (reason: string, code: number) => {
    console.error(reason);
    void runCleanups().finally(() => process.exit(code));
  };
  process.once('SIGINT', () => stop('interrupted: cleaning up', 130));
  process.once('SIGTERM', () => stop('terminated: cleaning up', 143));
  setTimeout(() => stop(`the benchmark passed its ${limitMs / 1000} s limit: cleaning up`, 1), limitMs).unref();
}
