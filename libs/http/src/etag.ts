import { RequestValidationError } from './problem-details';

/** The ETag of a stream version: a strong validator. */
export function etagFor(version: number): string {
  return `"${version}"`;
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
