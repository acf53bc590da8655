#!/usr/bin/env node
// The README's first command: the platform on its embedded defaults, in one process, with no server to install.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const result = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'tools', 'start-platform.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});
process.exit(result.status ?? 1);
