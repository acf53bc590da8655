import { DeciderSpecification } from '@salesos/event-sourcing/testing';
import { divisionDecider, type RecordDivision } from './division.decider';
import { DivisionError, DivisionErrorCode } from './division.errors';
import type { DivisionEvent, DivisionRoster } from './division.events';

const now = '2026-03-01T00:00:00.000Z';
const roster: DivisionRoster = {
  name: 'North',
  repIds: ['rep-1', 'rep-2'],
  teams: [{ teamId: 'team-1', name: 'One', repIds: ['rep-1'] }],
};
const record = (changes: Partial<DivisionRoster> = {}): RecordDivision => ({
  type: 'RecordDivision',
  data: { divisionId: 'north', ...roster, ...changes },
  metadata: { commandId: 'c', now },
});
const recorded = (changes: Partial<DivisionRoster> = {}): DivisionEvent => ({
  type: 'DivisionRecorded',
  data: { divisionId: 'north', ...roster, ...changes, recordedAt: now },
});
const spec = DeciderSpecification.for(divisionDecider);

describe('a division', () => {
  it('is recorded with its roster', () => {
    spec.given([]).when(record()).then([recorded()]);
  });

  it('is recorded again, as a whole, when its roster changes', () => {
    spec
      .given([recorded()])
      .when(record({ repIds: ['rep-1', 'rep-2', 'rep-3'] }))
      .then([recorded({ repIds: ['rep-1', 'rep-2', 'rep-3'] })]);
  });

  it('changes nothing when recorded as it is', () => {
    spec.given([recorded()]).when(record()).thenNothingHappens();
  });

  it('reads a record that still lists the dealers an admin typed in, and leaves them out of the division', () => {
    const before: DivisionEvent = { type: 'DivisionRecorded', data: { ...recorded().data, dealerIds: ['dealer-1'] } };
    expect(divisionDecider.evolve(divisionDecider.initialState(), before)).toEqual({
      status: 'recorded',
      divisionId: 'north',
      ...roster,
    });
    spec.given([before]).when(record()).thenNothingHappens();
  });

  it.each([
    ['a rep listed twice', { repIds: ['rep-1', 'rep-1'] }, 'repIds[1]'],
    ['a team listed twice', { teams: [...roster.teams, ...roster.teams] }, 'teams[1].teamId'],
    [
      'a team member who is not a rep of the division',
      { teams: [{ teamId: 't', name: 'T', repIds: ['rep-9'] }] },
      'teams[0].repIds[0]',
    ],
  ])('is refused with %s, naming the field', (_label, changes, field) => {
    spec
      .given([])
      .when(record(changes))
      .thenThrows(
        DivisionError,
        (error) =>
          (error as DivisionError).code === DivisionErrorCode.InvalidRoster && (error as DivisionError).field === field,
      );
  });
});
