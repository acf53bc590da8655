import type { PipeTransform } from '@nestjs/common';
import { idPattern } from '@salesos/kernel';
import { RequestValidationError } from './problem-details';

/** A path parameter that must be an id of the platform, or a 400 naming the parameter. */
export function idParam(name: string, value: string): string {
  if (!idPattern.test(value)) {
    throw new RequestValidationError([{ field: name, message: 'must be an id of letters, digits and _ . : @ -' }]);
  }
  return value;
}

/** `idParam` as a pipe: `@Param('dealerId', new IdParam('dealerId'))`. */
export class IdParam implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}

  transform(value: string): string {
    return idParam(this.name, value);
  }
}
