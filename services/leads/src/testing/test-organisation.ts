import type { INestApplication } from '@nestjs/common';
import { type DivisionRoster, RecordDivisionHandler } from '../organisation';

/** The divisions tests act in. */
export const testDivisions = ['north', 'south', 'east', 'west'] as const;

/** Every rep and team the tests name, in each test division: references to them are the division's own. */
export const testRoster: DivisionRoster = {
  name: 'Test division',
  repIds: [
    'rep-1',
    'rep-2',
    'rep-7',
    'rep-9',
    'rep-a',
    'rep-b',
    'rep-m',
    'rep-s',
    'rep-x',
    'rep-berlin',
    'rep-north',
    'rep-other',
    'rep-third',
    'lead-1',
    'lead-north',
  ],
  teams: [
    { teamId: 'team-1', name: 'Team one', repIds: ['rep-1', 'rep-2'] },
    { teamId: 'team-a', name: 'Team A', repIds: ['rep-a'] },
    { teamId: 'team-b', name: 'Team B', repIds: ['rep-b'] },
    { teamId: 'team-inside', name: 'Inside sales', repIds: ['rep-1', 'rep-2'] },
    { teamId: 'team-north', name: 'North', repIds: ['rep-north'] },
    { teamId: 'inside-team', name: 'Inside sales team', repIds: ['rep-b'] },
    { teamId: 'north-team', name: 'North team', repIds: ['rep-north'] },
    { teamId: 'south-team', name: 'South team', repIds: ['rep-s'] },
    { teamId: 't', name: 'T', repIds: [] },
  ],
};

/** Records the test divisions in a leads application, as an admin would, before a test acts in them. */
export async function recordTestDivisions(
  app: INestApplication,
  divisions: readonly string[] = testDivisions,
  roster: DivisionRoster = testRoster,
): Promise<void> {
  const record = app.get(RecordDivisionHandler);
  for (const divisionId of divisions) {
    await record.execute(divisionId, roster, { divisionId, actor: { userId: 'admin-1', roles: ['admin'] } });
  }
}
