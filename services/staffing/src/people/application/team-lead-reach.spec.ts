import type { Principal, RecordOwnership, RequestContext } from '@salesos/http';
import { type Unit, UnitDirectory, type UnitRecord } from '../../organisation';
import { PeopleDirectory, type PersonPlacement, type UnitMember } from './people-directory.port';
import { TeamLeadReach, unitsManagedOn } from './team-lead-reach';

const unit = (unitId: string, changes: Partial<Unit> = {}): UnitRecord => ({
  unitId,
  divisionId: 'north',
  kind: 'team',
  name: unitId,
  productGroups: [],
  segments: [],
  territories: [],
  status: 'open',
  openedOn: '2026-01-01',
  managers: [],
  version: 1,
  ...changes,
});

/** Sales (a department led by p-head) with east and west below it; north, a team right under the division. */
const units: UnitRecord[] = [
  unit('sales', { kind: 'department', managers: [{ personId: 'p-head', effectiveOn: '2026-01-01' }] }),
  unit('east', {
    parentUnitId: 'sales',
    managers: [
      { personId: 'p-lead', effectiveOn: '2026-01-01' },
      { personId: 'p-other', effectiveOn: '2026-07-01' },
    ],
  }),
  unit('west', { parentUnitId: 'sales', openedOn: '2026-03-01' }),
  unit('north', { managers: [{ personId: 'p-lead', effectiveOn: '2026-04-01' }], closedOn: '2026-10-01' }),
];

describe('the units a person manages on a day', () => {
  it.each([
    ['a team lead before their second team is theirs', 'p-lead', '2026-03-31', ['east']],
    ['a team lead of two teams', 'p-lead', '2026-04-01', ['east', 'north']],
    ['a team lead after handing over a team', 'p-lead', '2026-07-01', ['north']],
    ['a team lead after their team closed', 'p-lead', '2026-10-01', []],
    ['a department head, with every team open below it', 'p-head', '2026-03-01', ['east', 'sales', 'west']],
    ['a department head before a team below opens', 'p-head', '2026-02-01', ['east', 'sales']],
    ['someone who manages nothing', 'p-rep', '2026-04-01', []],
  ])('for %s', (_label, personId, day, expected) => {
    expect(unitsManagedOn(units, personId, day)).toEqual(expected);
  });
});

class StubPeople extends PeopleDirectory {
  placementOn(): Promise<PersonPlacement | undefined> {
    return Promise.resolve(undefined);
  }

  personForUser(_divisionId: string, userId: string): Promise<{ personId: string } | undefined> {
    return Promise.resolve(userId === 'lead-1' ? { personId: 'p-lead' } : undefined);
  }

  membersOf(): Promise<UnitMember[]> {
    return Promise.resolve([]);
  }

  reachOf(): Promise<RecordOwnership | undefined> {
    return Promise.resolve(undefined);
  }
}

class StubUnits extends UnitDirectory {
  unit(): Promise<UnitRecord | undefined> {
    return Promise.resolve(undefined);
  }

  unitsOf(): Promise<UnitRecord[]> {
    return Promise.resolve(units);
  }

  unitsBelow(): Promise<UnitRecord[]> {
    return Promise.resolve([]);
  }
}

const callerAs = (userId: string, roles: Principal['roles'], teams: string[] = []): RequestContext => ({
  divisionId: 'north',
  actor: { userId, roles: [...roles] },
  principal: { userId, roles, divisions: ['north'], teams },
});

describe('a team lead’s reach over people', () => {
  const reach = new TeamLeadReach(new StubPeople(), new StubUnits());

  it('is the units they manage on the day, whatever teams their token names', async () => {
    const seen = await reach.of(callerAs('lead-1', ['team-lead'], ['somewhere-else']), '2026-04-01');
    expect(seen.principal?.teams).toEqual(['east', 'north']);
  });

  it('is no unit for a lead who is nobody’s manager or no person of the division', async () => {
    expect((await reach.of(callerAs('lead-9', ['team-lead'], ['east']), '2026-04-01')).principal?.teams).toEqual([]);
  });

  it('leaves every other caller as their token has them', async () => {
    for (const caller of [
      callerAs('mgr-1', ['division-manager']),
      callerAs('lead-1', ['team-lead', 'division-manager']),
      callerAs('rep-1', ['rep']),
      { divisionId: 'north', actor: { userId: 'service', roles: [] } },
    ]) {
      expect(await reach.of(caller, '2026-04-01')).toBe(caller);
    }
  });
});
