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
];

function run(command, args, cwd, env = {}) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
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
  const status =
    suite.kind === 'vitest'
      ? run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`], suite.workspace)
      : run('npx', ['playwright', 'test', '--reporter=list,json'], suite.workspace, { PLAYWRIGHT_JSON_OUTPUT_NAME: file });
  const counts = readCounts(suite.kind, file) ?? { passed: 0, failed: 1, skipped: 0 };
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
