import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DashboardBundle } from './dashboard-bundle';

/** Where the dashboard's sources are and where its build goes (gitignored; built again when the sources change). */
export interface DashboardPaths {
  sources: string;
  output: string;
}

export const dashboardPaths: DashboardPaths = {
  sources: join(__dirname, '..', '..', '..', 'dashboard', 'web'),
  output: join(__dirname, '..', '..', '..', 'dashboard', 'dist'),
};

/** The files the browser loads, besides the page. */
const builtFiles = ['index.html', 'dashboard.js', 'dashboard.css'];
const manifestName = 'build.json';
/** Changes when the build's settings do, so that a build made with other settings is not taken as current. */
const buildSettings = 'esbuild esm es2022 minified v1';

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** A fingerprint of the sources, of the build's settings and of the charting library the bundle holds. */
export function sourcesFingerprint(paths: DashboardPaths): string {
  const hash = createHash('sha256').update(buildSettings);
  for (const file of sourceFiles(paths.sources)) {
    hash.update(relative(paths.sources, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  // The package exports no package.json; its main file changes with its version.
  hash.update(readFileSync(require.resolve('chart.js', { paths: [paths.sources] })));
  return hash.digest('hex');
}

function isCurrent(paths: DashboardPaths, fingerprint: string): boolean {
  const manifest = join(paths.output, manifestName);
  if (!existsSync(manifest) || builtFiles.some((name) => !existsSync(join(paths.output, name)))) return false;
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { fingerprint?: string }).fingerprint === fingerprint;
}

/**
 * Bundles the dashboard with esbuild into a folder beside the output, then puts it in place, so a process serving
 * the old build, or another one building at the same time, never reads half a build.
 */
async function build(paths: DashboardPaths, fingerprint: string): Promise<void> {
  const esbuild = await import('esbuild');
  const staging = `${paths.output}.${process.pid}.${Date.now()}`;
  mkdirSync(staging, { recursive: true });
  try {
    await esbuild.build({
      entryPoints: [
        { in: join(paths.sources, 'main.ts'), out: 'dashboard' },
        { in: join(paths.sources, 'dashboard.css'), out: 'dashboard' },
      ],
      bundle: true,
      minify: true,
      format: 'esm',
      target: 'es2022',
      outdir: staging,
      tsconfig: join(paths.sources, 'tsconfig.json'),
      legalComments: 'eof',
      logLevel: 'silent',
    });
    writeFileSync(join(staging, 'index.html'), readFileSync(join(paths.sources, 'index.html')));
    writeFileSync(join(staging, manifestName), JSON.stringify({ fingerprint, builtAt: new Date().toISOString() }));
    rmSync(paths.output, { recursive: true, force: true });
    renameSync(staging, paths.output);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    // Another process put a build of the same sources in place meanwhile: that one serves.
    if (isCurrent(paths, fingerprint)) return;
    throw error;
  }
}

/**
 * The dashboard, built from its sources when there is no build of them yet (`npm start`, the reporting service alone,
 * `npm run build:dashboard`), else the build there is. Without the build tool (an install without development
 * packages) and without a current build, the bundle says why and the page says so in words.
 */
export async function prepareDashboard(
  paths: DashboardPaths = dashboardPaths,
  options: { force?: boolean } = {},
): Promise<DashboardBundle> {
  try {
    // A deployed build (the image's) ships without its sources: it serves the build it came with.
    if (existsSync(paths.sources)) {
      const fingerprint = sourcesFingerprint(paths);
      if (options.force === true || !isCurrent(paths, fingerprint)) await build(paths, fingerprint);
    }
    const files: Record<string, Buffer> = {};
    for (const name of builtFiles) files[name] = readFileSync(join(paths.output, name));
    return DashboardBundle.of(files);
  } catch (error) {
    return DashboardBundle.notBuilt(error instanceof Error ? error.message : String(error));
  }
}
