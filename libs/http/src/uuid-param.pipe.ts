import { uuidPattern } from '@salesos/kernel';
import type { PipeTransform } from '@nestjs/common';
import { RequestValidationError } from './problem-details';

/** A path parameter that must be a UUID, refused with the parameter named. */
export class UuidParam implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}

  transform(value: string): string {
    if (!uuidPattern.test(value)) throw new RequestValidationError([{ field: this.name, message: 'must be a UUID' }]);
    return value.toLowerCase();
  }
}
