import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';

/**
 * A list of objects of one request class, each validated by that class's rules. Every item must be an object:
 * class-validator alone lets a list nested in the list through unvalidated.
 */
export function NestedList(itemType: () => new () => object): PropertyDecorator {
  return applyDecorators(
    IsObject({ each: true, message: 'each of $property must be an object' }),
    ValidateNested({ each: true }),
    Type(itemType),
  );
}
