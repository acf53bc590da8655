import { RequestValidationError } from '@salesos/http';
import { idPattern } from '@salesos/kernel';

/** A path id, or a 400 naming the path parameter. */
export function idParam(value: string, field: string): string {
  if (!idPattern.test(value)) {
    throw new RequestValidationError([{ field, message: 'must be an id of letters, digits and _ . : @ -' }]);
  }
  return value;
}
