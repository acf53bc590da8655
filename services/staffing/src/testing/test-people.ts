import type { INestApplicationContext } from '@nestjs/common';
import { CommandHandler } from '@salesos/event-sourcing';
import type { EventStore } from '@salesos/event-store';
import { type PersonCommand, personDecider } from '../people';
import { staffingViewsCaughtUp } from '../staffing-app';

export interface TestPerson {
  personId: string;
  divisionId?: string;
  unitId: string;
  /** `account-executive` by default. */
  positionId?: string;
  /** The person's login, if any. */
  userId?: string;
  /** 2026-01-01 by default. */
  hiredOn?: string;
}

/**
 * Hires people of a test division straight through the person decider, as the hire command would (without checking
 * the organisation), and waits until the service's views hold them: for the tests of features that refer to people.
 */
export async function recordTestPeople(
  app: INestApplicationContext,
  store: EventStore,
  people: readonly TestPerson[],
): Promise<void> {
  const handler = new CommandHandler(store, personDecider);
  for (const person of people) {
    const { personId, divisionId = 'north', unitId, positionId = 'account-executive', userId } = person;
    const command: PersonCommand = {
      type: 'HirePerson',
      data: {
        personId,
        divisionId,
        unitId,
        positionId,
        name: `Person ${personId}`,
        email: `${personId}@example.com`,
        hiredOn: person.hiredOn ?? '2026-01-01',
        ...(userId === undefined ? {} : { userId }),
      },
      metadata: {
        commandId: `test-people:${personId}`,
        now: '2026-01-01T08:00:00.000Z',
        divisionId,
        actor: { userId: 'manager-test', roles: ['division-manager'] },
      },
    };
    await handler.handle(`person-${personId}`, command);
  }
  await staffingViewsCaughtUp(app, 10_000);
}
