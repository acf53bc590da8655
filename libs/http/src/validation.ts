import { type ValidationError, ValidationPipe } from '@nestjs/common';
import { notNullConstraint } from './optional';
import { type FieldError, RequestValidationError } from './problem-details';

/** class-validator's nested errors as one list of dotted field paths and messages. */
export function fieldErrorsOf(errors: readonly ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field =
      parent === ''
        ? error.property
        : /^\d+$/.test(error.property)
          ? `${parent}[${error.property}]`
          : `${parent}.${error.property}`;
    const constraints = error.constraints ?? {};
    // A null field is named once, for being null, not again for each rule a value would have to meet.
    const messages =
      constraints[notNullConstraint] !== undefined ? [constraints[notNullConstraint]] : Object.values(constraints);
    const own = messages.map((message) => ({
      field,
      message: message.startsWith(`property ${error.property} should not exist`) ? 'is not a known field' : message,
    }));
    return [...own, ...fieldErrorsOf(error.children ?? [], field)];
  });
}

/** Typed bodies only: unknown fields are refused, values are converted to the DTO's types, every problem is named. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationError(fieldErrorsOf(errors)),
  });
}
