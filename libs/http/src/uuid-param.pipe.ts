import type { PipeTransform } from '@nestjs/common';
import { RequestValidationError } from './problem-details';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path parameter that must be a UUID, refused with the parameter named. */
export class UuidParam implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}

  transform(value: string): string {
    if (!uuidPattern.test(value)) throw new RequestValidationError([{ field: this.name, message: 'must be a UUID' }]);
    return value.toLowerCase();
  }
}
