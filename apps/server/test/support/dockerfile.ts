import { readFile } from 'node:fs/promises';

/** What the last stage of a Dockerfile sets: the image that runs. */
export interface FinalStage {
  from: string;
  workdir: string | undefined;
  env: Record<string, string>;
  expose: number[];
  volumes: string[];
  user: string | undefined;
  /** `COPY --from=<stage> <source> <dest>`, in order. */
  copies: { from: string; source: string; dest: string }[];
  /** Exec form only: a shell form would need a shell in the image and hides signals from Node. */
  cmd: string[];
  healthcheck: string[] | undefined;
  /** Every other instruction, as written. */
  runs: string[];
}

/** Instructions with their continuation lines joined, comments and blank lines dropped. */
function instructions(text: string): string[] {
  const joined = text.replace(/\\\r?\n/g, ' ');
  return joined
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'));
}

function execForm(json: string, what: string): string[] {
  const parsed: unknown = JSON.parse(json);
  if (!Array.isArray(parsed) || !parsed.every((item) => typeof item === 'string')) throw new Error(`${what} is not an exec-form array`);
  return parsed as string[];
}

/** `ENV a=b c="d e"` and the older `ENV a b`. */
function envPairs(rest: string): Record<string, string> {
  const pairs: Record<string, string> = {};
  if (!rest.includes('=')) {
    const [name, ...value] = rest.split(/\s+/);
    pairs[name!] = value.join(' ');
    return pairs;
  }
  for (const match of rest.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("(?:[^"\\]|\\.)*"|\S*)/g)) {
    const raw = match[2]!;
    pairs[match[1]!] = raw.startsWith('"') ? (JSON.parse(raw) as string) : raw;
  }
  return pairs;
}

export async function readFinalStage(path: string): Promise<FinalStage> {
  const all = instructions(await readFile(path, 'utf8'));
  const lastFrom = all.map((line) => /^FROM\s/i.test(line)).lastIndexOf(true);
  if (lastFrom < 0) throw new Error('no FROM');
  const stage: FinalStage = { from: all[lastFrom]!.slice(5).trim(), workdir: undefined, env: {}, expose: [], volumes: [], user: undefined, copies: [], cmd: [], healthcheck: undefined, runs: [] };
  for (const line of all.slice(lastFrom + 1)) {
    const [, keyword = '', rest = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    switch (keyword.toUpperCase()) {
      case 'WORKDIR':
        stage.workdir = rest;
        break;
      case 'ENV':
        Object.assign(stage.env, envPairs(rest));
        break;
      case 'EXPOSE':
        stage.expose.push(...rest.split(/\s+/).map((port) => Number.parseInt(port, 10)));
        break;
      case 'VOLUME':
        stage.volumes.push(...(rest.startsWith('[') ? execForm(rest, 'VOLUME') : rest.split(/\s+/)));
        break;
      case 'USER':
        stage.user = rest;
        break;
      case 'COPY': {
        const match = /^--from=(\S+)\s+(\S+)\s+(\S+)$/.exec(rest);
        if (!match) throw new Error(`the runtime stage copies only from the build stage: ${line}`);
        stage.copies.push({ from: match[1]!, source: match[2]!, dest: match[3]! });
        break;
      }
      case 'CMD':
        stage.cmd = execForm(rest, 'CMD');
        break;
      case 'HEALTHCHECK': {
        const at = rest.indexOf('CMD ');
        if (at < 0) throw new Error(`HEALTHCHECK without CMD: ${line}`);
        stage.healthcheck = execForm(rest.slice(at + 4).trim(), 'HEALTHCHECK CMD');
        break;
      }
      default:
        stage.runs.push(line);
    }
  }
  return stage;
}
