import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * No Docker engine runs on the project's machines, so the image is never built here: this test holds the Dockerfile
 * to what it promises, read as text.
 */
const root = join(__dirname, '..', '..');
const dockerfile = readFileSync(join(__dirname, 'Dockerfile'), 'utf8');

interface Instruction {
  keyword: string;
  args: string;
}

interface Stage {
  from: string;
  name: string | undefined;
  instructions: Instruction[];
}

/** Instructions with their continuation lines joined, grouped by stage; ARGs before the first FROM apart. */
function parse(text: string): { globalArgs: Map<string, string>; stages: Stage[] } {
  const lines = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const globalArgs = new Map<string, string>();
  const stages: Stage[] = [];
  for (const line of lines) {
    const [keyword = '', ...rest] = line.split(/\s+/);
    const args = rest.join(' ');
    if (keyword === 'FROM') {
      const [from = '', as, name] = rest;
      stages.push({ from, name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [] });
    } else if (stages.length === 0 && keyword === 'ARG') {
      const [key = '', value = ''] = args.split('=');
      globalArgs.set(key, value);
    } else {
      stages.at(-1)?.instructions.push({ keyword: keyword.toUpperCase(), args });
    }
  }
  return { globalArgs, stages };
}

const { globalArgs, stages } = parse(dockerfile);
const runtime = stages.at(-1) as Stage;
const stageNamed = (name: string): Stage | undefined => stages.find((stage) => stage.name === name);
const argsOf = (stage: Stage, keyword: string): string[] =>
  stage.instructions.filter((instruction) => instruction.keyword === keyword).map((instruction) => instruction.args);
/** The stages a stage builds on, itself first. */
function lineage(stage: Stage): Stage[] {
  const parent = stageNamed(stage.from);
  return parent === undefined ? [stage] : [stage, ...lineage(parent)];
}
const execForm = (args: string): string[] => JSON.parse(args) as string[];

describe('deploy/docker/Dockerfile', () => {
  it('builds in stages and starts the final one from the pinned Node base, not from a build stage', () => {
    expect(stages.map((stage) => stage.name)).toEqual(['toolchain', 'build', 'production-dependencies', 'runtime']);
    expect(globalArgs.get('NODE_IMAGE')).toMatch(/^node:\d+\.\d+[\w.-]*-slim$/);
    expect(runtime.from).toBe('${NODE_IMAGE}');
    expect(stageNamed('toolchain')?.from).toBe('${NODE_IMAGE}');
  });

  it('compiles with the Nx build targets in the build stage', () => {
    const build = stageNamed('build') as Stage;
    expect(argsOf(build, 'RUN')).toEqual(expect.arrayContaining(['npm ci --no-audit --no-fund', 'npm run build']));
    const scripts = (
      JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts;
    expect(scripts.build).toBe('nx run-many -t build -p leads channels staffing reporting platform');
  });

  it('installs the production dependencies alone, with a pinned npm that honours allowScripts', () => {
    const dependencies = stageNamed('production-dependencies') as Stage;
    expect(argsOf(dependencies, 'RUN')).toEqual(['npm ci --omit=dev --no-audit --no-fund']);
    expect(globalArgs.get('NPM_VERSION')).toMatch(/^(1[1-9]|[2-9]\d)\.\d+\.\d+$/);
    const toolchain = lineage(dependencies).find((stage) => stage.name === 'toolchain') as Stage;
    expect(argsOf(toolchain, 'RUN').join(' ')).toContain(
      'npm install --global --no-audit --no-fund npm@${NPM_VERSION}',
    );
    const allowScripts = (
      JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { allowScripts: Record<string, boolean> }
    ).allowScripts;
    expect(allowScripts['better-sqlite3']).toBe(true);
  });

  it('carries no devDependencies into the final stage: node_modules comes from the production install only', () => {
    const copies = argsOf(runtime, 'COPY');
    const modules = copies.filter((args) => /\bnode_modules\b/.test(args));
    expect(modules).toEqual(['--from=production-dependencies /app/node_modules node_modules']);
    expect(copies).toEqual(
      expect.arrayContaining(['--from=build /app/dist dist', '--from=build /app/package.json package.json']),
    );
    expect(copies.filter((args) => !args.startsWith('--from='))).toEqual([]);
    expect(argsOf(runtime, 'RUN').join(' ')).not.toMatch(/npm (ci|install)/);
  });

  it('runs as a user other than root, who owns the data folder', () => {
    const users = argsOf(runtime, 'USER');
    expect(users).toHaveLength(1);
    const [uid, gid] = (users[0] as string).split(':');
    expect(uid).toMatch(/^\d+$/);
    expect(Number(uid)).toBeGreaterThan(0);
    expect(argsOf(runtime, 'WORKDIR')).toEqual(['/app']);
    expect(argsOf(runtime, 'RUN')).toContain(`mkdir data && chown ${uid}:${gid} data`);
    const keywords = runtime.instructions.map((instruction) => instruction.keyword);
    expect(keywords.indexOf('USER')).toBeLessThan(keywords.indexOf('ENTRYPOINT'));
  });

  it('runs every command under tini, installed from Debian, which forwards signals', () => {
    expect(argsOf(runtime, 'RUN').join(' ')).toContain('apt-get install -y --no-install-recommends tini');
    expect(argsOf(runtime, 'ENTRYPOINT').map(execForm)).toEqual([['/usr/bin/tini', '--']]);
  });

  it('asks the readiness probe for its health', () => {
    const [healthcheck] = argsOf(runtime, 'HEALTHCHECK');
    expect(healthcheck).toMatch(/--start-period=\d+s/);
    const command = execForm((healthcheck as string).replace(/^.*?CMD\s+/, ''));
    expect(command.slice(0, 2)).toEqual(['node', '-e']);
    expect(command[2]).toContain('/health/ready');
  });

  it('starts the all-in-one platform by default, a build output that exists', () => {
    const [command] = argsOf(runtime, 'CMD').map(execForm);
    expect(command).toEqual(['node', 'dist/platform']);
    const platform = JSON.parse(readFileSync(join(root, 'tools', 'project.json'), 'utf8')) as {
      targets: { build: { outputs: string[] } };
    };
    expect(platform.targets.build.outputs).toEqual(['{workspaceRoot}/dist/platform']);
  });

  it('leaves out of the build context what is installed, built or stored locally', () => {
    const ignored = readFileSync(join(root, '.dockerignore'), 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'dist', 'data', '.git']));
    expect(existsSync(join(root, 'package-lock.json'))).toBe(true);
  });
});
