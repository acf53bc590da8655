import { Matches } from 'class-validator';
import { idPattern } from '@salesos/kernel';

const rule = 'an id of letters, digits and _ . : @ -, at most 100';

/** A field that holds an id of the platform (`idPattern` of the kernel); the message names the field. */
export function IsId(): PropertyDecorator {
  return Matches(idPattern, { message: `$property must be ${rule}` });
}

/** A list of ids of the platform; the message names the field. */
export function AreIds(): PropertyDecorator {
  return Matches(idPattern, { each: true, message: `each of $property must be ${rule}` });
}
