import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { bearer } from '@salesos/auth/testing';
import { MemoryEventStore } from '@salesos/event-store';
import { startTestPlatform } from '../testing/test-platform';
import { demoUsers } from './demo-users';
import { seedDemoChannels } from './seed-demo-channels';
import { seedDemoData } from './seed-demo-data';

jest.setTimeout(120_000);

/** What each demo user looks at first, to see that the demo data gives every role something of its own. */
function firstLook(roles: readonly string[]): string {
  if (roles.includes('dealer')) return '/opportunities';
  return '/leads';
}

describe('the demo users on the demo data', () => {
  let app: INestApplication;

  beforeAll(async () => {
    const store = new MemoryEventStore({ pollIntervalMs: 10 });
    const end = new Date('2026-11-27T00:00:00.000Z');
    // As `npm start` seeds it: the dealers first, whose deals the dealer's user then sees.
    await seedDemoChannels(store, { seed: 42, end });
    await seedDemoData(store, { seed: 42, months: 6, leadsPerMonth: 60, end });
    ({ app } = await startTestPlatform(store));
  });

  afterAll(async () => {
    await app.close();
  });

  it.each(demoUsers.map((user) => ({ ...user, name: user.userId })))(
    'gives $name records of its own, and only those it reaches',
    async (user) => {
      const division = user.divisions?.[0] ?? 'machines';
      const headers = { ...bearer(user), 'X-Division-Id': division };
      const listed = await request(app.getHttpServer())
        .get(`${firstLook(user.roles)}?pageSize=100`)
        .set(headers);
      expect(listed.status).toBe(200);
      expect(listed.body.total).toBeGreaterThan(0);
      const items = listed.body.items as Array<{
        ownerRepId?: string;
        teamId?: string;
        channel?: { dealerId?: string };
      }>;
      if (user.roles.includes('rep')) expect(items.every((item) => item.ownerRepId === user.userId)).toBe(true);
      if (user.roles.includes('team-lead')) {
        const teams = user.teams ?? [];
        expect(items.every((item) => item.ownerRepId === user.userId || teams.includes(item.teamId ?? ''))).toBe(true);
      }
      if (user.roles.includes('dealer')) {
        expect(items.every((item) => item.channel?.dealerId === user.dealerId)).toBe(true);
      }
    },
  );
});
