import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsObject, IsString, ValidateNested } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { Optional, OptionalFields, RequiredWhen } from './optional';
import { fieldErrorsOf } from './validation';

class Contact {
  @Optional()
  @IsEmail()
  email?: string;
}

class Channel {
  @IsIn(['direct', 'dealer'])
  kind!: string;

  @RequiredWhen((channel: Channel) => channel.kind === 'dealer')
  @IsString()
  dealerId?: string;
}

class Change {
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => Contact)
  contact?: Contact;

  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => Channel)
  channel?: Channel;
}

const errorsOf = (body: object) => fieldErrorsOf(validateSync(plainToInstance(Change, body)));

describe('optional fields', () => {
  it('may be left out', () => {
    expect(errorsOf({})).toEqual([]);
    expect(errorsOf({ contact: {} })).toEqual([]);
    expect(errorsOf({ channel: { kind: 'direct' } })).toEqual([]);
  });

  it('are checked when present', () => {
    expect(errorsOf({ contact: { email: 'no' } })).toEqual([
      { field: 'contact.email', message: 'email must be an email' },
    ]);
  });

  it('refuse null, named once for being null, at any depth', () => {
    expect(errorsOf({ contact: { email: null } })).toEqual([
      { field: 'contact.email', message: 'email must not be null; leave it out instead' },
    ]);
    expect(errorsOf({ contact: null })).toEqual([
      { field: 'contact', message: 'contact must not be null; leave it out instead' },
    ]);
  });

  it('required when a condition holds: missing then, null never', () => {
    expect(errorsOf({ channel: { kind: 'dealer' } }).map((error) => error.field)).toEqual(['channel.dealerId']);
    expect(errorsOf({ channel: { kind: 'dealer', dealerId: 'd-1' } })).toEqual([]);
    expect(errorsOf({ channel: { kind: 'direct', dealerId: null } })).toEqual([
      { field: 'channel.dealerId', message: 'dealerId must not be null; leave it out instead' },
    ]);
  });
});

class Person {
  @IsString()
  name!: string;

  @Optional()
  @IsEmail()
  email?: string;
}

class PersonChanges extends OptionalFields(Person) {}

describe('the optional fields of a DTO, derived', () => {
  const changesOf = (body: object) => fieldErrorsOf(validateSync(plainToInstance(PersonChanges, body)));

  it('keep the rules of the whole, each field may be left out', () => {
    expect(changesOf({})).toEqual([]);
    expect(changesOf({ name: 'Ada' })).toEqual([]);
    expect(changesOf({ name: 7, email: 'no' }).map((error) => error.field)).toEqual(['name', 'email']);
  });

  it('refuse null in every field, required in the whole or not', () => {
    expect(changesOf({ name: null, email: null })).toEqual([
      { field: 'name', message: 'name must not be null; leave it out instead' },
      { field: 'email', message: 'email must not be null; leave it out instead' },
    ]);
  });
});
