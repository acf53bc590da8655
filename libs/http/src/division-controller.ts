import { applyDecorators, Controller } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import { IdempotentWrites } from './idempotency';
import { divisionHeaderDescription } from './request-context';

/**
 * A controller of one division's records, as every service's are: its OpenAPI tag, the division header it reads, an
 * Idempotency-Key on each of its writes, and its route prefix (none when its routes name their whole paths).
 */
export const DivisionController = (tag: string, path = ''): ClassDecorator =>
  applyDecorators(
    ApiTags(tag),
    ApiHeader({ name: 'X-Division-Id', required: false, description: divisionHeaderDescription }),
    IdempotentWrites(),
    Controller(path),
  );
