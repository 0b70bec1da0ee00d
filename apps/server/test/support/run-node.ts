import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const serverDir = fileURLToPath(new URL('../..', import.meta.url));

export interface Finished {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a Node.js script of this package to its end (`src/...ts` through tsx, `dist/...js` as it
 * is), in the package folder, and resolves with its exit code and output, never rejecting on a
 * non-zero exit: the test asserts on it.
 */
export function runNode(args: string[], env: Record<string, string> = {}, timeoutMs = 60_000): Promise<Finished> {
  const argv = args[0]?.endsWith('.ts') ? ['--import', 'tsx', ...args] : args;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      argv,
      { cwd: serverDir, env: { ...(process.env as Record<string, string>), ...env }, timeout: timeoutMs },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
