/**
 * A child process running the server bundle, reduced to what the host needs: Electron's
 * `utilityProcess` in the app, a fake in tests.
 */
export interface ChildPort {
  readonly pid: number | undefined;
  /** Asks for a graceful stop over the message channel (`{type: 'stop'}`): Windows has no SIGTERM. */
  requestStop(): void;
  /** Last resort when the graceful stop did not end it in time. */
  forceKill(): void;
  onExit(listener: (code: number) => void): void;
  onOutput(listener: (line: string) => void): void;
}

export interface ChildLaunch {
  entry: string;
  /** The child's whole environment: nothing is inherited from the app's. */
  env: Record<string, string>;
  cwd: string;
}

export type ChildLauncher = (launch: ChildLaunch) => ChildPort;
