#!/usr/bin/env node
// The README's first command: the platform on its embedded defaults, in one process, with no server to install.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// Compiles the TypeScript sources on the fly with decorator metadata, as Nest needs.
require('./register.cjs');
require('./start-platform.ts');
