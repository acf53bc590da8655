import { Headers } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequestValidationError } from './problem-details';

/** The ETag of a stream version: a strong validator. */
export function etagFor(version: number): string {
  return `"${version}"`;
}

/** A record as its version left it, answered with that version as its ETag, so the caller's next change can name it. */
export function versionedAnswer<State extends object>(
  result: { version: number; state: State },
  response: Response,
): State & { version: number } {
  response.setHeader('ETag', etagFor(result.version));
  return { ...result.state, version: result.version };
}

/** The expected version an If-Match header asks for; undefined when absent. `*` means any existing version. */
export function expectedVersionFrom(ifMatch: string | undefined): number | undefined {
  if (ifMatch === undefined || ifMatch.trim() === '' || ifMatch.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"(\d{1,15})"\s*$/.exec(ifMatch);
  if (match === null) {
    throw new RequestValidationError([{ field: 'If-Match', message: 'must be an ETag this API returned, like "3"' }]);
  }
  return Number(match[1]);
}

/**
 * The request's If-Match header (read it with `expectedVersionFrom`), declared in the API description of the
 * operation, which then answers 412 when the record moved on.
 */
export const IfMatch =
  (): ParameterDecorator =>
  (target, key, index): void => {
    Headers('if-match')(target, key, index);
    if (key === undefined) return;
    const descriptor = Object.getOwnPropertyDescriptor(target, key) as PropertyDescriptor;
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: 'The ETag of the version the change is meant for; 412 when the record has moved on since.',
      schema: { type: 'string', example: '"3"' },
    })(target, key, descriptor);
  };
