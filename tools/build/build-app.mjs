#!/usr/bin/env node
// Builds one deployable (a service, or the all-in-one platform with its operations commands) into plain JavaScript
// that runs with `node dist/<project>`, nothing compiled at start:
//   node tools/build/build-app.mjs <project folder> [--out-dir <folder>]
// 1. tsc with the project's tsconfig.app.json: decorator metadata, as Nest's validation and injection need; the
//    libraries the project imports are compiled into the same output, so the build stands alone.
// 2. tsc-alias: each `@salesos/*` import becomes a relative require of the compiled library, so Node resolves it
//    without tsconfig paths or a loader.
// 3. The output may require only Node's own modules and the production dependencies (the image installs no others).
// 4. A package.json naming the entry point (the tsconfig's first file), so `node <output folder>` starts it.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { replaceTscAliasPaths } from 'tsc-alias';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

const { positionals, values } = parseArgs({ allowPositionals: true, options: { 'out-dir': { type: 'string' } } });
const [project] = positionals;
if (project === undefined) fail('Usage: node tools/build/build-app.mjs <project folder> [--out-dir <folder>]');
const projectDir = resolve(root, project);
const configFile = join(projectDir, 'tsconfig.app.json');
if (!existsSync(configFile)) fail(`No tsconfig.app.json in ${project}`);
const tsconfig = JSON.parse(readFileSync(configFile, 'utf8'));
const outDir = resolve(values['out-dir'] ?? join(projectDir, tsconfig.compilerOptions.outDir));
const entry = tsconfig.files?.[0];
if (entry === undefined) fail(`${relative(root, configFile)} names no files: the first one is the entry point`);

rmSync(outDir, { recursive: true, force: true });
const tsc = spawnSync(
  process.execPath,
  [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', configFile, '--outDir', outDir],
  { cwd: root, stdio: 'inherit' },
);
if (tsc.status !== 0) fail(`tsc failed for ${project} (exit ${tsc.status ?? tsc.signal})`);
await replaceTscAliasPaths({ configFile, outDir });

// The reporting service serves the dashboard from its build beside its compiled code, as it does beside its sources.
const dashboard = join('services', 'reporting', 'dashboard', 'dist');
if (existsSync(join(outDir, 'services', 'reporting'))) {
  if (!existsSync(join(root, dashboard, 'build.json'))) {
    const built = spawnSync('npm', ['run', '-s', 'build:dashboard'], { cwd: root, stdio: 'inherit' });
    if (built.status !== 0) fail(`the dashboard did not build (exit ${built.status ?? built.signal})`);
  }
  cpSync(join(root, dashboard), join(outDir, dashboard), { recursive: true });
}

const dependencies = new Set(Object.keys(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies));
// Loaded only to build the dashboard from its sources, which a deployed build does not ship.
const buildTimeOnly = new Set(['esbuild']);
const builtins = new Set(builtinModules);
const packageOf = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

function* javascriptFiles(folder) {
  for (const item of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, item.name);
    if (item.isDirectory()) yield* javascriptFiles(path);
    else if (item.name.endsWith('.js')) yield path;
  }
}

const unavailable = [];
for (const file of javascriptFiles(outDir)) {
  for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)) {
    if (specifier.startsWith('.') || specifier.startsWith('node:') || builtins.has(specifier)) continue;
    if (buildTimeOnly.has(packageOf(specifier))) continue;
    if (!dependencies.has(packageOf(specifier))) unavailable.push(`${relative(outDir, file)}: ${specifier}`);
  }
}
if (unavailable.length > 0) {
  fail(
    `${project} requires what a production install does not have (an alias left unresolved, or a devDependency):\n` +
      unavailable.map((line) => `  ${line}`).join('\n'),
  );
}

const main = relative(root, join(projectDir, entry)).replace(/\.ts$/, '.js');
writeFileSync(join(outDir, 'package.json'), `${JSON.stringify({ private: true, main }, null, 2)}\n`);
process.stdout.write(`Built ${project} into ${relative(root, outDir) || outDir}: node ${relative(root, outDir)}\n`);
