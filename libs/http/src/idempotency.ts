import { createHash } from 'node:crypto';
import { applyDecorators, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA } from '@nestjs/common/constants';
import { ApiHeader } from '@nestjs/swagger';
import type { Request } from 'express';
import { maxJsonDepth } from './request-json';

/** What a request with an Idempotency-Key asked for: the key, and a fingerprint of the request it came with. */
export interface IdempotentRequest {
  key: string;
  fingerprint: string;
}

/** JSON with object keys sorted, so the same body written in another order is the same request. */
function canonicalJson(value: unknown, depth = 0): string {
  // Deeper bodies are refused by validation; the fingerprint only has to stay within the stack meanwhile.
  if (depth > maxJsonDepth) return '"…"';
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item, depth + 1)).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key], depth + 1)}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A hash of the method, path, query and JSON body of a request. */
export function requestFingerprint(request: Request): string {
  const path = request.originalUrl.split('?')[0] ?? '';
  const text = `${request.method} ${path}\n${canonicalJson(request.query ?? {})}\n${canonicalJson(request.body)}`;
  return createHash('sha256').update(text).digest('base64url');
}

/**
 * The fingerprint to store with a command: that of the request whose Idempotency-Key the command runs under, and none
 * when the command runs under a key of its own (an import's rows, a rematch), which no caller can send twice.
 */
export function requestFingerprintOf(context: {
  idempotencyKey?: string;
  idempotentRequest?: IdempotentRequest;
}): string | undefined {
  const { idempotencyKey, idempotentRequest } = context;
  return idempotentRequest !== undefined && idempotentRequest.key === idempotencyKey
    ? idempotentRequest.fingerprint
    : undefined;
}

const idempotencyKeyHeader = {
  name: 'Idempotency-Key',
  required: false,
  description:
    'Makes a retry safe: the same caller sending the same request with the same key gets the first answer and ' +
    'changes nothing; the same key with a different request is refused (422).',
  schema: { type: 'string', pattern: '^[A-Za-z0-9_.:-]{1,200}$' },
};

const notIdempotentKey = 'salesos:not-idempotent';
const writeMethods = new Set<RequestMethod>([
  RequestMethod.POST,
  RequestMethod.PUT,
  RequestMethod.PATCH,
  RequestMethod.DELETE,
]);

/**
 * The API description of a controller whose changes honour an Idempotency-Key: each of its writing operations, but
 * those marked `@NotIdempotent()`, takes the header.
 */
export const IdempotentWrites =
  (): ClassDecorator =>
  (target): void => {
    const { prototype } = target as { prototype: object };
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const method = Object.getOwnPropertyDescriptor(prototype, name);
      const handler: unknown = method?.value;
      if (name === 'constructor' || typeof handler !== 'function' || method === undefined) continue;
      const httpMethod = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (httpMethod === undefined || !writeMethods.has(httpMethod)) continue;
      if (Reflect.getMetadata(notIdempotentKey, handler) === true) continue;
      ApiHeader(idempotencyKeyHeader)(prototype, name, method);
    }
  };

/** A writing operation that does not honour an Idempotency-Key, on a controller marked `@IdempotentWrites()`. */
export const NotIdempotent = (): MethodDecorator =>
  applyDecorators((_target: object, _key: string | symbol, descriptor: PropertyDescriptor) => {
    Reflect.defineMetadata(notIdempotentKey, true, descriptor.value as object);
  });
