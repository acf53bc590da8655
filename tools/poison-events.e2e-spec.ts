import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { asUser } from '@salesos/auth/testing';
import { MemoryEventStore, type NewEvent } from '@salesos/event-store';
import { startTestPlatform } from './testing/test-platform';

jest.setTimeout(60_000);

const manager = asUser('manager-1', 'division-manager', 'north');
const stored = (type: string, data: object): NewEvent => ({
  eventId: randomUUID(),
  type,
  data,
  metadata: { occurredAt: '2026-03-01T09:00:00.000Z', divisionId: 'north', commandId: randomUUID() },
});

async function until<T>(read: () => Promise<T>, holds: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await read();
    if (holds(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * A stored event that is not what its type says (written by an older version, or by hand) stops nothing: the
 * platform starts, serves and publishes everything else, parks that one with its reason and says so.
 */
describe('a malformed stored event', () => {
  it('is parked by the views and the relay while everything else flows, and readiness names it', async () => {
    const store = new MemoryEventStore({ pollIntervalMs: 10 });
    const leadId = randomUUID();
    const captured = {
      leadId,
      divisionId: 'north',
      source: 'web',
      contact: { name: 'Ada', email: 'ada@acme.test' },
      company: { name: 'Acme GmbH' },
      needTags: [],
      segmentIds: [],
      acceptedDuplicatesOf: [],
      capturedAt: '2026-03-01T09:00:00.000Z',
    };
    await store.append(`lead-${leadId}`, [stored('LeadCaptured', captured)], 'no_stream');
    // What one request could store before: a revision with a null email, which the views then could not fold.
    await store.append(
      `lead-${leadId}`,
      [
        stored('LeadDetailsRevised', {
          leadId,
          changes: { contact: { email: null } },
          revisedAt: '2026-03-01T10:00:00.000Z',
        }),
      ],
      1,
    );
    const brokenId = randomUUID();
    await store.append(
      `lead-${brokenId}`,
      [stored('LeadCaptured', { ...captured, leadId: brokenId, source: '' })],
      'no_stream',
    );

    const { app } = await startTestPlatform(store);
    try {
      const http = () => request(app.getHttpServer() as Parameters<typeof request>[0]);
      const later = await http()
        .post('/leads')
        .set(manager)
        .send({ source: 'web', contact: { name: 'Bo' }, company: { name: 'Bolt AG' } });
      expect(later.status).toBe(201);

      const listed = await http().get('/leads').set(manager);
      expect(listed.body.items.map((lead: { leadId: string }) => lead.leadId).sort()).toEqual(
        [leadId, later.body.leadId as string].sort(),
      );
      // The lead whose later event is malformed cannot be decided on; it says so instead of crashing.
      const unreadable = await http().get(`/leads/${leadId}`).set(manager);
      expect(unreadable.status).toBe(500);
      expect(unreadable.body.type).toBe('https://salesos.dev/problems/record-unreadable');

      // The relay published the rest: reporting counts the two good captures.
      const funnel = await until(
        async () => (await http().get('/reports/funnel').set(manager)).body as { groups: Array<{ captured: number }> },
        (body) => body.groups?.[0]?.captured === 2,
        'the good captures in the funnel',
      );
      expect(funnel.groups[0]?.captured).toBe(2);

      const ready = await until(
        async () => (await http().get('/health/ready')).body as { status: string; reasons: string[] },
        (body) => body.reasons.some((reason) => reason.includes('relay leads parked')),
        'readiness to name the parked events',
      );
      expect(ready.status).toBe('degraded');
      expect(ready.reasons).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^views leads\.views parked 2 stored events/),
          expect.stringMatching(/^relay leads parked 2 stored events it cannot publish/),
        ]),
      );
      const metrics = (await http().get('/metrics').set(manager)).text;
      expect(metrics).toContain('salesos_views_parked_events{views="leads.views"} 2');
      expect(metrics).toContain('salesos_relay_parked_events{service="leads"} 2');
    } finally {
      await app.close();
    }
  });
});
