// @ts-check
'use strict';
/**
 * Where a file sits in the architecture (ARCHITECTURE.md section 8): its service, its feature (the folder under
 * src/), and its layer inside the feature (domain, application, api, messaging, projections).
 */
const fs = require('node:fs');
const path = require('node:path');

const layers = ['domain', 'application', 'api', 'messaging', 'projections'];
/** Arrows point down: api, messaging and projections to application, application to domain. */
const layerRank = { domain: 0, application: 1, api: 2, messaging: 2, projections: 2 };
const testFile = /\.(spec|int-spec|e2e-spec)\.ts$/;

/**
 * @typedef {{ service: string, src: string, feature?: string, layer?: string, isIndex: boolean, inSrc: boolean }} Place
 */

/** @param {string} file @returns {Place | undefined} */
function locate(file) {
  const parts = path.resolve(file).split(path.sep);
  const at = parts.lastIndexOf('services');
  if (at === -1 || parts.length < at + 3) return undefined;
  const service = parts[at + 1];
  if (service === undefined) return undefined;
  const src = parts.slice(0, at + 3).join(path.sep);
  const inSrc = parts[at + 2] === 'src';
  const rest = parts.slice(at + 3);
  // A folder under src/ is a feature; a file directly in src/ is the service's composition.
  const feature =
    rest.length >= 2 ? rest[0] : rest.length === 1 && !/\.[cm]?[jt]s$/.test(rest[0] ?? '') ? rest[0] : undefined;
  const inner = feature === undefined ? [] : rest.slice(1);
  const layer = inner.length >= 2 && layers.includes(inner[0] ?? '') ? inner[0] : undefined;
  const isIndex =
    feature !== undefined && (inner.length === 0 || (inner.length === 1 && /^index(\.ts)?$/.test(inner[0] ?? '')));
  return { service, src, ...(feature ? { feature } : {}), ...(layer ? { layer } : {}), isIndex, inSrc };
}

/** @param {string} fromFile @param {string} source @returns {string | undefined} */
function resolveRelative(fromFile, source) {
  if (!source.startsWith('.')) return undefined;
  return path.resolve(path.dirname(fromFile), source);
}

/** @param {any} node @returns {boolean} */
function typeOnly(node) {
  if (node.importKind === 'type' || node.exportKind === 'type') return true;
  const specifiers = node.specifiers ?? [];
  return (
    specifiers.length > 0 &&
    specifiers.every((/** @type {any} */ s) => s.importKind === 'type' || s.exportKind === 'type')
  );
}

/** @param {import('eslint').Rule.RuleContext} context @param {(node: any, source: string, typeOnly: boolean) => void} check */
function onImports(context, check) {
  /** @param {any} node */
  const visit = (node) => {
    if (node.source && typeof node.source.value === 'string') check(node.source, node.source.value, typeOnly(node));
  };
  return {
    ImportDeclaration: visit,
    ExportNamedDeclaration: visit,
    ExportAllDeclaration: visit,
    /** @param {any} node */
    ImportExpression(node) {
      if (node.source?.type === 'Literal' && typeof node.source.value === 'string')
        check(node.source, node.source.value, false);
    },
    /** @param {any} node */
    CallExpression(node) {
      if (
        node.callee.type === 'Identifier' &&
        node.callee.name === 'require' &&
        node.arguments[0]?.type === 'Literal'
      ) {
        const source = node.arguments[0].value;
        if (typeof source === 'string') check(node.arguments[0], source, false);
      }
    },
  };
}

/** @type {Map<string, Map<string, Set<string>>>} */
const graphs = new Map();

/** Relative import sources of a file, read with a plain scan (enough for this code base's import style). */
function importSources(text) {
  const sources = [];
  const pattern = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) sources.push(match[1] ?? match[2]);
  return sources;
}

/** @param {string} dir @returns {string[]} */
function sourceFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !testFile.test(entry.name) ? [full] : [];
  });
}

/** The features of a service and the features each one imports, production code only. @param {string} src */
function featureGraph(src) {
  const known = graphs.get(src);
  if (known) return known;
  /** @type {Map<string, Set<string>>} */
  const graph = new Map();
  for (const file of sourceFiles(src)) {
    const from = locate(file);
    if (from?.feature === undefined || from.feature === 'core') continue;
    const edges = graph.get(from.feature) ?? new Set();
    graph.set(from.feature, edges);
    for (const source of importSources(fs.readFileSync(file, 'utf8'))) {
      const resolved = resolveRelative(file, source);
      const to = resolved === undefined ? undefined : locate(resolved);
      if (
        to?.feature !== undefined &&
        to.service === from.service &&
        to.feature !== from.feature &&
        to.feature !== 'core'
      ) {
        edges.add(to.feature);
      }
    }
  }
  graphs.set(src, graph);
  return graph;
}

/** A path of features from `from` to `to`, if one exists. @param {Map<string, Set<string>>} graph */
function pathBetween(graph, from, to) {
  /** @type {Array<string[]>} */
  const queue = [[from]];
  const seen = new Set([from]);
  while (queue.length > 0) {
    const route = /** @type {string[]} */ (queue.shift());
    const last = /** @type {string} */ (route[route.length - 1]);
    if (last === to) return route;
    for (const next of graph.get(last) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push([...route, next]);
    }
  }
  return undefined;
}

module.exports = { layerRank, locate, onImports, resolveRelative, featureGraph, pathBetween, testFile };
