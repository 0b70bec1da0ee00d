import { readFileSync } from 'node:fs';

/**
 * How busy the machine was during a measurement, and how much of that was the benchmark itself
 * (its own process, the servers and load generators it started, the PostgreSQL backends serving
 * its database). What remains is "others": a reader can tell a noisy run from a slow server.
 */
export interface CpuSample {
  total: number;
  idle: number;
  perPid: Map<number, number>;
}

export interface CpuUse {
  /** Percent of the whole machine (all cores = 100 %). */
  machinePercent: number;
  benchPercent: number;
  othersPercent: number;
}

function machineJiffies(): { total: number; idle: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
  const fields = line.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((sum, n) => sum + n, 0);
  // idle + iowait: time no process ran.
  return { total, idle: (fields[3] ?? 0) + (fields[4] ?? 0) };
}

/** utime + stime of one process in jiffies, or undefined when it is gone. */
function processJiffies(pid: number): number | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces; fields after its closing parenthesis are fixed.
    const after = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return Number(after[11]) + Number(after[12]);
  } catch {
    return undefined;
  }
}

export function sampleCpu(pids: readonly number[]): CpuSample {
  const perPid = new Map<number, number>();
  for (const pid of pids) {
    const j = processJiffies(pid);
    if (j !== undefined) perPid.set(pid, j);
  }
  return { ...machineJiffies(), perPid };
}

/** Bench processes seen only at the end started during the interval and count from zero. */
export function cpuBetween(start: CpuSample, end: CpuSample): CpuUse {
  const total = end.total - start.total;
  if (total <= 0) return { machinePercent: 0, benchPercent: 0, othersPercent: 0 };
  const busy = total - (end.idle - start.idle);
  let bench = 0;
  for (const [pid, j] of end.perPid) bench += j - (start.perPid.get(pid) ?? 0);
  const pct = (n: number) => (100 * n) / total;
  return { machinePercent: pct(busy), benchPercent: pct(bench), othersPercent: Math.max(0, pct(busy - bench)) };
}
