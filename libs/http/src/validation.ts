import { type ArgumentMetadata, type ValidationError, ValidationPipe } from '@nestjs/common';
import { notNullConstraint } from './optional';
import { type FieldError, RequestValidationError } from './problem-details';
import { memberPath, requestJsonProblems } from './request-json';

/** class-validator's nested errors as one list of dotted field paths and messages. */
export function fieldErrorsOf(errors: readonly ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field =
      /^\d+$/.test(error.property) && parent !== ''
        ? `${parent}[${error.property}]`
        : memberPath(parent, error.property);
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

const plainTypes: readonly unknown[] = [String, Boolean, Number, Array, Object, Buffer, Date];

/** Whether a parameter is read into a DTO class, as opposed to a plain value. */
function isDto(metatype: ArgumentMetadata['metatype']): boolean {
  return metatype !== undefined && !plainTypes.includes(metatype);
}

/**
 * Nest's validation pipe, after the checks that come before any DTO: a body or query whose JSON no field may take
 * (too deep, reserved names, malformed text), and a body that is not a JSON object where the operation takes one
 * (an absent body reads as `{}`, so operations whose fields are all optional need none).
 */
class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      const problems = requestJsonProblems(value);
      if (problems.length > 0) throw new RequestValidationError(problems);
    }
    if (metadata.type === 'body' && isDto(metadata.metatype) && value !== undefined) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new RequestValidationError([{ field: 'body', message: 'must be a JSON object' }]);
      }
    }
    return super.transform(value, metadata) as Promise<unknown>;
  }
}

/** Typed bodies only: unknown fields are refused, values are converted to the DTO's types, every problem is named. */
export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationError(fieldErrorsOf(errors)),
  });
}
