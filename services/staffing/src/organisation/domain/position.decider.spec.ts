import { DeciderSpecification } from '@salesos/event-sourcing/testing';
import type { DefinePosition, RetirePosition, RevisePosition } from './position.commands';
import { positionDecider } from './position.decider';
import { OrganisationError, OrganisationErrorCode } from './organisation.errors';
import type { PositionEvent, PositionProfile } from './position.events';

const now = '2026-01-10T09:00:00.000Z';
const later = '2026-05-04T14:00:00.000Z';
const profile: PositionProfile = {
  title: 'Account executive',
  duties: ['Wins new accounts in the territory', 'Keeps the forecast current'],
  requiredCertifications: ['course-negotiation', 'course-presses-basics'],
};
const ids = { positionId: 'account-executive', divisionId: 'north' };
const metadata = (at = now, divisionId = 'north') => ({ commandId: 'c', now: at, divisionId });

const define = (changes: Partial<PositionProfile> = {}): DefinePosition => ({
  type: 'DefinePosition',
  data: { ...ids, ...profile, ...changes },
  metadata: metadata(),
});
const defined: PositionEvent = { type: 'PositionDefined', data: { ...ids, ...profile, definedAt: now } };
const revise = (changes: Partial<PositionProfile> = {}, divisionId = 'north'): RevisePosition => ({
  type: 'RevisePosition',
  data: { ...profile, ...changes },
  metadata: metadata(later, divisionId),
});
const retire: RetirePosition = {
  type: 'RetirePosition',
  data: { reason: 'Split into hunter and farmer roles' },
  metadata: metadata(later),
};
const retired: PositionEvent = {
  type: 'PositionRetired',
  data: { ...ids, reason: 'Split into hunter and farmer roles', retiredAt: later },
};

const spec = DeciderSpecification.for(positionDecider);
const refusedWith = (code: OrganisationErrorCode, field?: string) => (error: Error) =>
  (error as OrganisationError).code === code && (error as OrganisationError).field === field;

describe('a position of a division', () => {
  it('is defined with its title, duties and the certifications it requires', () => {
    spec.given([]).when(define()).then([defined]);
  });

  it('refuses an id that is taken', () => {
    spec
      .given([defined])
      .when(define())
      .thenThrows(OrganisationError, refusedWith(OrganisationErrorCode.AlreadyExists));
  });

  it.each([
    ['a duty listed twice, in other case', { duties: ['Keeps the forecast', 'keeps the forecast '] }, 'duties[1]'],
    ['a certification listed twice', { requiredCertifications: ['c-1', 'c-2', 'c-1'] }, 'requiredCertifications[2]'],
  ])('refuses %s, naming the field', (_label, changes, field) => {
    spec
      .given([])
      .when(define(changes))
      .thenThrows(OrganisationError, refusedWith(OrganisationErrorCode.InvalidInput, field));
    spec
      .given([defined])
      .when(revise(changes))
      .thenThrows(OrganisationError, refusedWith(OrganisationErrorCode.InvalidInput, field));
  });

  it('is revised as a whole, and revising it as it is changes nothing', () => {
    const changes = { title: 'Senior account executive', requiredCertifications: ['course-negotiation'] };
    spec
      .given([defined])
      .when(revise(changes))
      .then([{ type: 'PositionRevised', data: { ...ids, ...profile, ...changes, revisedAt: later } }]);
    spec.given([defined]).when(revise()).thenNothingHappens();
  });

  it('refuses a position it does not have, or one of another division, as not found', () => {
    spec.given([]).when(revise()).thenThrows(OrganisationError, refusedWith(OrganisationErrorCode.PositionNotFound));
    spec.given([]).when(retire).thenThrows(OrganisationError, refusedWith(OrganisationErrorCode.PositionNotFound));
    spec
      .given([defined])
      .when(revise({}, 'south'))
      .thenThrows(OrganisationError, refusedWith(OrganisationErrorCode.PositionNotFound));
  });

  it('is retired with a reason, once, and is not revised after', () => {
    spec.given([defined]).when(retire).then([retired]);
    spec.given([defined, retired]).when(retire).thenNothingHappens();
    spec
      .given([defined, retired])
      .when(revise({ title: 'Back again' }))
      .thenThrows(OrganisationError, refusedWith(OrganisationErrorCode.PositionRetired));
  });

  it('keeps what it asks for and why it was retired', () => {
    const state = [defined, retired].reduce(positionDecider.evolve, positionDecider.initialState());
    expect(state).toEqual({
      ...ids,
      ...profile,
      status: 'retired',
      definedAt: now,
      retiredAt: later,
      retirementReason: 'Split into hunter and farmer roles',
    });
  });
});
