import { applyDecorators, type Type } from '@nestjs/common';
// Lint keeps PartialType out of every other file: OptionalFields below adds the refusal of null it leaves out.
import { PartialType } from '@nestjs/swagger';
import { getMetadataStorage, ValidateBy, ValidateIf, type ValidationOptions } from 'class-validator';

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

/**
 * The same fields with the same rules and descriptions, each of which may be left out but is never null: how the
 * DTO of a change derives from the DTO of the whole, its rules written once. (The mapped types' `PartialType` makes
 * fields `@IsOptional()`, which lets null through.)
 */
export function OptionalFields<T>(base: Type<T>): Type<Partial<T>> {
  const derived: Type<Partial<T>> = PartialType(base, { skipNullProperties: false });
  const fields = new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(base, '', true, false)
      .map((metadata) => metadata.propertyName),
  );
  const prototype = derived.prototype as object;
  for (const field of fields) NotNull()(prototype, field);
  return derived;
}
