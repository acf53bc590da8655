import { applyDecorators } from '@nestjs/common';
import { ValidateBy, ValidateIf, type ValidationOptions } from 'class-validator';

/** The name of the constraint that refuses null; a field that is null is reported with this message alone. */
export const notNullConstraint = 'notNull';

/**
 * Refuses null. A field that may be left out is still not null: no field of the API means "clear this value" by
 * null (one that does, some day, says so in its own description and uses no `@Optional()`).
 */
export function NotNull(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: notNullConstraint,
      validator: {
        validate: (value: unknown) => value !== null,
        defaultMessage: () => '$property must not be null; leave it out instead',
      },
    },
    options,
  );
}

/**
 * The field may be left out; when it is present, null included, every other rule of the field applies. Used instead
 * of class-validator's `@IsOptional()`, which lets null through to the domain as if it were a value.
 */
export function Optional(): PropertyDecorator {
  return applyDecorators(
    ValidateIf((_object: object, value: unknown) => value !== undefined),
    NotNull(),
  );
}

/**
 * The field is required when `condition` holds for the object and may be left out otherwise; when it is present it
 * is checked either way, so null is refused.
 */
export function RequiredWhen<T extends object>(condition: (object: T) => boolean): PropertyDecorator {
  return applyDecorators(
    ValidateIf((object: T, value: unknown) => value !== undefined || condition(object)),
    NotNull(),
  );
}
