import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DashboardPaths, prepareDashboard } from './dashboard-build';

/** A dashboard of its own per test, inside the repository so that the charting library resolves as for the real one. */
function sources(): DashboardPaths {
  const scratch = join(__dirname, '..', '..', '..', '..', '..', 'tmp');
  mkdirSync(scratch, { recursive: true });
  const folder = mkdtempSync(join(scratch, 'dashboard-build-'));
  const paths = { sources: join(folder, 'web'), output: join(folder, 'dist') };
  mkdirSync(paths.sources);
  writeFileSync(join(paths.sources, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(paths.sources, 'dashboard.css'), 'body { margin: 0; }');
  writeFileSync(join(paths.sources, 'tsconfig.json'), '{ "compilerOptions": { "strict": true } }');
  writeFileSync(join(paths.sources, 'main.ts'), "const greeting: string = 'hello';\nconsole.log(greeting);\n");
  return paths;
}

describe('the dashboard build', () => {
  const made: string[] = [];
  afterAll(() => {
    for (const folder of made) rmSync(folder, { recursive: true, force: true });
  });

  it('builds once, serves that build while the sources stay the same, and builds again when they change', async () => {
    const paths = sources();
    made.push(join(paths.sources, '..'));
    const first = await prepareDashboard(paths);
    expect(first.unavailable).toBeUndefined();
    expect([...first.files.keys()].sort()).toEqual(['dashboard.css', 'dashboard.js', 'index.html']);
    expect(first.files.get('dashboard.js')?.body.toString()).toContain('hello');
    const builtAt = statSync(join(paths.output, 'dashboard.js')).mtimeMs;
    await new Promise((resolve) => setTimeout(resolve, 20));
    await prepareDashboard(paths);
    expect(statSync(join(paths.output, 'dashboard.js')).mtimeMs).toBe(builtAt);
    writeFileSync(join(paths.sources, 'main.ts'), "console.log('changed');\n");
    const changed = await prepareDashboard(paths);
    expect(changed.files.get('dashboard.js')?.body.toString()).toContain('changed');
  });

  it('serves a deployed build, which ships without its sources, as it is', async () => {
    const paths = sources();
    made.push(join(paths.sources, '..'));
    await prepareDashboard(paths);
    rmSync(paths.sources, { recursive: true });
    const deployed = await prepareDashboard(paths);
    expect(deployed.unavailable).toBeUndefined();
    expect(deployed.files.get('dashboard.js')?.body.toString()).toContain('hello');
    rmSync(paths.output, { recursive: true });
    expect((await prepareDashboard(paths)).unavailable).toBeDefined();
  });

  it('names what failed, and keeps no half build, when the sources do not build', async () => {
    const paths = sources();
    made.push(join(paths.sources, '..'));
    writeFileSync(join(paths.sources, 'main.ts'), 'const = ;\n');
    const bundle = await prepareDashboard(paths);
    expect(bundle.unavailable).toMatch(/Build failed/);
    expect(bundle.files.size).toBe(0);
  });
});
