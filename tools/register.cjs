// @ts-check
'use strict';
/**
 * Runs the TypeScript sources directly with the same SWC settings as the tests: decorator metadata included,
 * which Nest's validation and dependency injection need (esbuild-based runners drop it). Also resolves the
 * @salesos/* path aliases of tsconfig.base.json.
 */
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const { transformSync } = require('@swc/core');

const root = path.join(__dirname, '..');
const paths = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8')).compilerOptions.paths;

/** @type {Array<[RegExp, string]>} */
const aliases = Object.entries(paths).map(([alias, [target]]) => [
  new RegExp(
    `^${alias
      .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
      .replace('\\*', '([a-z-]+)')
      .replace('*', '([a-z-]+)')}$`,
  ),
  path.join(root, target),
]);

// @ts-expect-error -- internal hook of Node's CommonJS loader
const resolveFilename = Module._resolveFilename;
// @ts-expect-error -- internal hook of Node's CommonJS loader
Module._resolveFilename = function (request, ...rest) {
  for (const [pattern, target] of aliases) {
    const match = pattern.exec(request);
    if (match) return resolveFilename.call(this, target.replace('*', match[1] ?? ''), ...rest);
  }
  return resolveFilename.call(this, request, ...rest);
};

// @ts-expect-error -- the CommonJS extension table is deprecated but still the way to hook .ts files
require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  // @ts-expect-error -- Module#_compile is internal
  module._compile(code, filename);
};
