/**
 * A child process running the server bundle, reduced to what the host needs: Electron's
 * `utilityProcess` in the app, a fake in tests.
 */
export interface ChildPort {
  readonly pid: number | undefined;
  /** Graceful stop (SIGTERM on POSIX). */
  terminate(): void;
  /** Last resort when the graceful stop did not end it in time. */
  forceKill(): void;
  onExit(listener: (code: number) => void): void;
  onOutput(listener: (line: string) => void): void;
}

export type ChildLauncher = (entry: string, env: Record<string, string>) => ChildPort;
