#!/usr/bin/env node
// The README's test command: checks what the tests need, then type-checks, lints and runs every test tier.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
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
step('Lint', bin('eslint'), ['--max-warnings=0', '.']);
step('Format', bin('prettier'), ['--check', '--log-level=warn', '.']);

const stopKafka = await ensureKafka();
mkdirSync(join(root, 'tmp'), { recursive: true });
const resultsFile = join(root, 'tmp', 'jest-results.json');
const jest = spawnSync(
  bin('jest'),
  ['--ci', '--maxWorkers=2', '--json', `--outputFile=${resultsFile}`, ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit', env: process.env },
);
let summary = '';
try {
  const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
  const skipped = results.numPendingTests + results.numTodoTests;
  summary = `${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
} catch {
  summary = 'no results were written';
}
stopKafka();
process.stdout.write(`\njest: ${summary}\n`);
process.exit(jest.status ?? 1);
