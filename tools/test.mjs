#!/usr/bin/env node
// The README's test command: checks what the tests need, then type-checks, lints and runs every test tier.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensurePostgres } from './postgres.mjs';
import { ensureKafka } from './kafka.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);

function step(title, command, args) {
  process.stdout.write(`\n== ${title}\n`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    process.stdout.write(`\n${title} failed (exit ${result.status ?? result.signal}).\n`);
    process.exit(result.status ?? 1);
  }
  process.stdout.write(`== ${title}: ok in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

await ensurePostgres();

step('Type check', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
// The dashboard's browser code and its browser tests, each with the libraries of where it runs.
step('Type check (dashboard)', bin('tsc'), ['-p', 'services/reporting/dashboard/web/tsconfig.json']);
step('Type check (dashboard tests)', bin('tsc'), ['-p', 'services/reporting/dashboard/e2e/tsconfig.json']);
step('Lint', bin('eslint'), ['--max-warnings=0', '.']);
step('Format', bin('prettier'), ['--check', '--log-level=warn', '.']);
step('Contracts compatibility', process.execPath, ['-r', './tools/register.cjs', 'tools/contracts-check.ts']);
step('Dashboard build', process.execPath, ['-r', './tools/register.cjs', 'tools/build-dashboard.ts', '--force']);

const stopKafka = await ensureKafka();
mkdirSync(join(root, 'tmp'), { recursive: true });
/**
 * Two runs: unit and e2e tests on two workers, then the integration tests one file at a time. Integration files
 * share one PostgreSQL server and one Kafka broker, and PostgreSQL makes an append visible to readers only once no
 * older write transaction is in flight anywhere on the server; another file's busy writers would make a reader
 * that checks right after its own appends see them late.
 */
const runs = [
  { name: 'unit-e2e', args: ['--selectProjects', 'unit', 'e2e', '--maxWorkers=2'] },
  // Once every file has passed or failed, the run ends even if a client (a Kafka or PostgreSQL connection a file
  // did not close) still holds the event loop: one such run in four hung after its results were written. The
  // integration project's teardown (tools/testing/open-handles.teardown.js) names what was left open.
  { name: 'integration', args: ['--selectProjects', 'integration', '--runInBand', '--forceExit'] },
];
const extra = process.argv.slice(2);
let failed = false;
const totals = { passed: 0, failed: 0, skipped: 0 };
const missing = [];
for (const run of runs) {
  const resultsFile = join(root, 'tmp', `jest-results-${run.name}.json`);
  const jest = spawnSync(
    bin('jest'),
    ['--ci', '--passWithNoTests', '--json', `--outputFile=${resultsFile}`, ...run.args, ...extra],
    {
      cwd: root,
      stdio: 'inherit',
      env: process.env,
    },
  );
  failed ||= jest.status !== 0;
  try {
    const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
    totals.passed += results.numPassedTests;
    totals.failed += results.numFailedTests;
    totals.skipped += results.numPendingTests + results.numTodoTests;
  } catch {
    missing.push(run.name);
  }
}
/**
 * The dashboard in a real browser: Playwright drives Debian's Chromium against `npm start` on a fresh data folder
 * (services/reporting/dashboard/e2e); its counts join jest's.
 */
const chromium = process.env.SALESOS_CHROMIUM ?? '/usr/bin/chromium';
const browserResults = join(root, 'tmp', 'dashboard', 'results.json');
// A run narrowed by arguments (a jest path filter) leaves the browser out.
if (extra.length > 0) {
  process.stdout.write('\nBrowser tests left out: the run was narrowed by arguments.\n');
} else if (!existsSync(chromium)) {
  process.stdout.write(`\nNo Chromium at ${chromium}: apt-get install chromium (or set SALESOS_CHROMIUM).\n`);
  failed = true;
  missing.push('browser');
} else {
  process.stdout.write('\n== Browser tests (Playwright, Chromium)\n');
  rmSync(browserResults, { force: true });
  const playwright = spawnSync(
    bin('playwright'),
    ['test', '-c', 'services/reporting/dashboard/e2e/playwright.config.ts'],
    { cwd: root, stdio: 'inherit', env: process.env },
  );
  failed ||= playwright.status !== 0;
  try {
    const { stats } = JSON.parse(readFileSync(browserResults, 'utf8'));
    totals.passed += stats.expected + stats.flaky;
    totals.failed += stats.unexpected;
    totals.skipped += stats.skipped;
  } catch {
    missing.push('browser');
  }
}
const summary =
  `${totals.passed} passed, ${totals.failed} failed${totals.skipped > 0 ? `, ${totals.skipped} skipped` : ''}` +
  (missing.length > 0 ? ` (no results were written by: ${missing.join(', ')})` : '');
stopKafka();
process.stdout.write(`\ntests: ${summary}\n`);
process.exit(failed || missing.length > 0 ? 1 : 0);
