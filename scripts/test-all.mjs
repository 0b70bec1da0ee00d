#!/usr/bin/env node
// Runs every test suite of the repository in turn and closes with one summary line,
// "tests: N passed, N failed, N skipped", that counts all of them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const reports = mkdtempSync(join(tmpdir(), 'parley-tests-'));

/** Each suite: where it runs, how, and how to read its counts from its JSON report. */
const suites = [
  { name: 'shared', workspace: 'packages/shared', kind: 'vitest' },
  { name: 'server (PGlite + PostgreSQL)', workspace: 'apps/server', kind: 'vitest' },
  { name: 'desktop (main + renderer units)', workspace: 'apps/desktop', kind: 'vitest' },
  { name: 'web client end-to-end (Chromium)', workspace: 'apps/desktop', kind: 'playwright' },
  // The built main process under Node with `electron` stood in for, against real servers
  // (apps/desktop/scripts/smoke-main.mjs): index.ts's wiring, which the unit tests take apart.
  { name: 'desktop main process, built (Electron stand-in)', workspace: 'apps/desktop', kind: 'smoke' },
];

function run(command, args, cwd, env = {}) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

/** Runs the smoke script, echoing its lines, and counts its checks from "N/M smoke checks passed". */
function runSmoke(cwd) {
  const result = spawnSync('npm', ['run', 'smoke'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
  process.stdout.write(result.stdout ?? '');
  const counted = /(\d+)\/(\d+) smoke checks passed/u.exec(result.stdout ?? '');
  const counts = counted ? { passed: Number(counted[1]), failed: Number(counted[2]) - Number(counted[1]), skipped: 0 } : null;
  return { status: result.status ?? 1, counts };
}

function readCounts(kind, file) {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  if (kind === 'vitest') {
    return {
      passed: report.numPassedTests,
      failed: report.numFailedTests + (report.numFailedTestSuites > 0 && report.numFailedTests === 0 ? 1 : 0),
      skipped: report.numPendingTests + report.numTodoTests,
    };
  }
  const stats = report.stats;
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped };
}

const rows = [];
let exitCode = 0;
for (const [index, suite] of suites.entries()) {
  const file = join(reports, `${index}.json`);
  console.log(`\n=== ${suite.name} ===`);
  let status;
  let counts;
  if (suite.kind === 'smoke') {
    ({ status, counts } = runSmoke(suite.workspace));
  } else {
    status =
      suite.kind === 'vitest'
        ? run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`], suite.workspace)
        : run('npx', ['playwright', 'test', '--reporter=list,json'], suite.workspace, { PLAYWRIGHT_JSON_OUTPUT_NAME: file });
    counts = readCounts(suite.kind, file);
  }
  counts ??= { passed: 0, failed: 1, skipped: 0 };
  if (status !== 0 && counts.failed === 0) counts.failed = 1; // a runner that crashed counts as a failure
  if (status !== 0) exitCode = 1;
  rows.push({ suite: suite.name, ...counts });
}

const total = rows.reduce(
  (sum, row) => ({ passed: sum.passed + row.passed, failed: sum.failed + row.failed, skipped: sum.skipped + row.skipped }),
  { passed: 0, failed: 0, skipped: 0 },
);
console.log('\n=== summary ===');
for (const row of rows) console.log(`${row.suite}: ${row.passed} passed, ${row.failed} failed, ${row.skipped} skipped`);
console.log(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(exitCode);
