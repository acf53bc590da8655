import type { FieldError } from './problem-details';

/** How deep a request's JSON may nest: every DTO of the API nests a few levels; this bounds the work on each. */
export const maxJsonDepth = 32;

/** Names that mean something to JavaScript objects, never a field of the API. */
const reservedNames = new Set(['__proto__', 'constructor', 'prototype']);

/** A lone surrogate: half of a UTF-16 pair, which no Unicode text contains (the `u` flag reads pairs as one). */
const loneSurrogate = /\p{Cs}/u;

/** Stops the walk early: a request with this many problems has been answered enough. */
const maxProblems = 50;

/** The dotted path of a member, in the form the validation errors use: `contact.email`, `products[3]`. */
export function memberPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  const name = fieldName(key);
  return parent === '' ? name : `${parent}.${name}`;
}

/** A member's name as an error names it: an empty name as `""`, so that every error names something. */
export function fieldName(key: string): string {
  return key === '' ? '""' : key;
}

interface Member {
  value: unknown;
  path: string;
  depth: number;
}

function textProblem(text: string): string | undefined {
  if (loneSurrogate.test(text)) return 'is not well-formed Unicode: it holds half of a surrogate pair';
  if (text.includes('\u0000')) return 'must not contain NUL characters';
  return undefined;
}

/**
 * What no field of any request may be, whatever its DTO says, found before the JSON is turned into DTOs: nesting
 * deeper than {@link maxJsonDepth} (which would exhaust the stack of the recursive transformation), JavaScript's
 * reserved names as keys (which the transformation drops silently), and text that is not well-formed Unicode or
 * holds NUL characters (which storage and e-mail checks cannot take). Walks without recursion.
 */
export function requestJsonProblems(value: unknown, root = ''): FieldError[] {
  const problems: FieldError[] = [];
  const pending: Member[] = [{ value, path: root, depth: 0 }];
  while (pending.length > 0 && problems.length < maxProblems) {
    const { value: current, path, depth } = pending.pop() as Member;
    if (typeof current === 'string') {
      const problem = textProblem(current);
      if (problem !== undefined) problems.push({ field: path === '' ? 'body' : path, message: problem });
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= maxJsonDepth) {
      problems.push({ field: path === '' ? 'body' : path, message: `nests deeper than ${maxJsonDepth} levels` });
      continue;
    }
    if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index -= 1) {
        pending.push({ value: current[index], path: memberPath(path, index), depth: depth + 1 });
      }
      continue;
    }
    const members: Member[] = [];
    for (const key of Object.keys(current)) {
      const field = memberPath(path, key);
      const keyProblem = reservedNames.has(key) ? 'is a reserved name, not a field' : textProblem(key);
      if (keyProblem === undefined) {
        members.push({ value: (current as Record<string, unknown>)[key], path: field, depth: depth + 1 });
      } else {
        problems.push({ field, message: keyProblem });
      }
    }
    // Last in, first out: the members are visited in the order they were written.
    for (let index = members.length - 1; index >= 0; index -= 1) pending.push(members[index] as Member);
  }
  return problems;
}
