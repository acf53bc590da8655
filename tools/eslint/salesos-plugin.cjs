// @ts-check
'use strict';
/**
 * Lint rules for the architecture's invariants (ARCHITECTURE.md section 8):
 * - services talk through events, so one service never imports another's code;
 * - a domain/ folder stays pure: no Nest, TypeORM or Kafka.
 */
const path = require('node:path');

const frameworkImports = [
  /^@nestjs\//,
  /^typeorm(\/|$)/,
  /^kafkajs(\/|$)/,
  /^@salesos\/messaging(\/|$)/,
  /^pg$/,
  /^better-sqlite3$/,
];

/** @param {string} filename */
function serviceOf(filename) {
  const match = /(?:^|[\\/])services[\\/]([^\\/]+)[\\/]/.exec(filename);
  return match ? match[1] : undefined;
}

/** @param {import('eslint').Rule.RuleContext} context @param {(node: any, source: string) => void} check */
function onImports(context, check) {
  /** @param {any} node */
  const visit = (node) => {
    if (node.source && typeof node.source.value === 'string') check(node.source, node.source.value);
  };
  return {
    ImportDeclaration: visit,
    ExportNamedDeclaration: visit,
    ExportAllDeclaration: visit,
    ImportExpression: visit,
    /** @param {any} node */
    CallExpression(node) {
      if (
        node.callee.type === 'Identifier' &&
        node.callee.name === 'require' &&
        node.arguments[0]?.type === 'Literal'
      ) {
        const source = node.arguments[0].value;
        if (typeof source === 'string') check(node.arguments[0], source);
      }
    },
  };
}

/** @type {import('eslint').Rule.RuleModule} */
const noCrossServiceImport = {
  meta: {
    type: 'problem',
    docs: { description: 'A service may not import code from another service; services talk through events.' },
    messages: {
      crossService: "Service '{{from}}' imports from service '{{to}}': publish or consume an event instead.",
    },
    schema: [],
  },
  create(context) {
    const filename = context.filename;
    const from = serviceOf(filename);
    if (from === undefined) return {};
    return onImports(context, (node, source) => {
      let to;
      if (source.startsWith('.')) to = serviceOf(path.resolve(path.dirname(filename), source) + path.sep);
      else {
        const alias = /^@salesos\/service-([^/]+)/.exec(source) ?? /^(?:.*[\\/])?services[\\/]([^\\/]+)/.exec(source);
        to = alias ? alias[1] : undefined;
      }
      if (to !== undefined && to !== from) context.report({ node, messageId: 'crossService', data: { from, to } });
    });
  },
};

/** @type {import('eslint').Rule.RuleModule} */
const pureDomain = {
  meta: {
    type: 'problem',
    docs: { description: 'Code in a domain/ folder may not import Nest, TypeORM, Kafka or database drivers.' },
    messages: {
      impure: "domain/ code must stay pure, but imports '{{source}}': move this to application/, api/ or messaging/.",
    },
    schema: [],
  },
  create(context) {
    if (!/[\\/]domain[\\/]/.test(context.filename)) return {};
    return onImports(context, (node, source) => {
      if (frameworkImports.some((pattern) => pattern.test(source))) {
        context.report({ node, messageId: 'impure', data: { source } });
      }
    });
  },
};

module.exports = {
  meta: { name: 'eslint-plugin-salesos' },
  rules: { 'no-cross-service-import': noCrossServiceImport, 'pure-domain': pureDomain },
};
