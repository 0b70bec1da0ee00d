import { resolve } from 'node:path';

/** A path given on the command line, read from where the command was run (npm says so in INIT_CWD). */
export function fromCaller(path: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), path);
}
