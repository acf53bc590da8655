// @ts-check
'use strict';
/**
 * Lint rules for the architecture's invariants (ARCHITECTURE.md section 8):
 * - services talk through events, so one service never imports another's code;
 * - a domain/ folder stays pure: no Nest, TypeORM or Kafka;
 * - a feature is used only through its index.ts, arrows point down inside it, and features import each other
 *   without cycles;
 * - code outside a service uses only its public entry point, services/<name>/src/index.ts.
 */
const path = require('node:path');
const {
  featureGraph,
  layerRank,
  locate,
  onImports: onImportsTyped,
  pathBetween,
  resolveRelative,
  testFile,
} = require('./architecture.cjs');

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

/** @type {import('eslint').Rule.RuleModule} */
const featureBoundaries = {
  meta: {
    type: 'problem',
    docs: {
      description:
        'A feature is used only through its index.ts; inside a feature, arrows point down (api, messaging, projections -> application -> domain); core/ is below every feature.',
    },
    messages: {
      internals: "Import '{{source}}' reaches into feature '{{feature}}': import its index.ts ('{{index}}') instead.",
      upward:
        '{{from}}/ may not import {{to}}/ of its feature: arrows point api, messaging, projections -> application -> domain.',
      coreImportsFeature: "core/ is below every feature and may not import feature '{{feature}}'.",
      domainRuntime: "domain/ may import only types from another feature ('{{source}}'): use 'import type'.",
      domainImpureCore: "domain/ may import only core/domain/ of core/, not '{{source}}'.",
    },
    schema: [],
  },
  create(context) {
    const filename = context.filename;
    const from = locate(filename);
    if (from === undefined || !from.inSrc) return {};
    const isTest = testFile.test(filename);
    return onImportsTyped(context, (node, source, isTypeOnly) => {
      const resolved = resolveRelative(filename, source);
      const to = resolved === undefined ? undefined : locate(resolved);
      if (to === undefined || to.service !== from.service || to.feature === undefined) return;
      if (from.feature === 'core' && to.feature !== 'core') {
        context.report({ node, messageId: 'coreImportsFeature', data: { feature: to.feature } });
        return;
      }
      if (to.feature === 'core') {
        const coreDomain = path.join(to.src, 'core', 'domain');
        if (from.layer === 'domain' && !isTest && !(resolved ?? '').startsWith(coreDomain)) {
          context.report({ node, messageId: 'domainImpureCore', data: { source } });
        }
        return;
      }
      if (to.feature !== from.feature) {
        if (!to.isIndex) {
          const index = path.relative(path.dirname(filename), path.join(to.src, to.feature)) || '.';
          context.report({ node, messageId: 'internals', data: { source, feature: to.feature, index } });
        } else if (from.layer === 'domain' && !isTypeOnly && !isTest) {
          context.report({ node, messageId: 'domainRuntime', data: { source } });
        }
        return;
      }
      if (isTest || from.layer === undefined || to.layer === undefined) return;
      const [fromRank, toRank] = [layerRank[from.layer], layerRank[to.layer]];
      if (toRank > fromRank || (toRank === fromRank && toRank === 2 && to.layer !== from.layer)) {
        context.report({ node, messageId: 'upward', data: { from: from.layer, to: to.layer } });
      }
    });
  },
};

/** @type {import('eslint').Rule.RuleModule} */
const noFeatureCycles = {
  meta: {
    type: 'problem',
    docs: { description: 'Features of a service import each other without cycles.' },
    messages: {
      cycle: "Feature '{{from}}' imports '{{to}}', which already depends on it ({{route}}): a cycle between features.",
    },
    schema: [],
  },
  create(context) {
    const filename = context.filename;
    const from = locate(filename);
    if (from?.feature === undefined || from.feature === 'core' || !from.inSrc || testFile.test(filename)) return {};
    return onImportsTyped(context, (node, source) => {
      const resolved = resolveRelative(filename, source);
      const to = resolved === undefined ? undefined : locate(resolved);
      if (
        to?.feature === undefined ||
        to.service !== from.service ||
        to.feature === from.feature ||
        to.feature === 'core'
      ) {
        return;
      }
      const back = pathBetween(featureGraph(from.src), to.feature, from.feature);
      if (back !== undefined) {
        context.report({
          node,
          messageId: 'cycle',
          data: { from: from.feature, to: to.feature, route: [from.feature, ...back].join(' -> ') },
        });
      }
    });
  },
};

/** @type {import('eslint').Rule.RuleModule} */
const publicEntry = {
  meta: {
    type: 'problem',
    docs: {
      description: "Code outside a service uses only the service's public entry point, services/<name>/src/index.ts.",
    },
    messages: {
      internals:
        "Import '{{source}}' reaches into service '{{service}}': import its public entry point (services/{{service}}/src).",
    },
    schema: [],
  },
  create(context) {
    const filename = context.filename;
    const from = locate(filename);
    return onImportsTyped(context, (node, source) => {
      const resolved = resolveRelative(filename, source);
      const to = resolved === undefined ? undefined : locate(resolved);
      if (to === undefined || !to.inSrc || from?.service === to.service) return;
      // The service's public entry point, and the one of its test support.
      const entry = path.relative(to.src, /** @type {string} */ (resolved));
      if (!['', 'index', 'index.ts', 'testing', path.join('testing', 'index')].includes(entry)) {
        context.report({ node, messageId: 'internals', data: { source, service: to.service } });
      }
    });
  },
};

module.exports = {
  meta: { name: 'eslint-plugin-salesos' },
  rules: {
    'no-cross-service-import': noCrossServiceImport,
    'pure-domain': pureDomain,
    'feature-boundaries': featureBoundaries,
    'no-feature-cycles': noFeatureCycles,
    'public-entry': publicEntry,
  },
};
