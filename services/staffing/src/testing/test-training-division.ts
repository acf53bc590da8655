import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { asUser } from '@salesos/auth/testing';
import type { MemoryEventStore } from '@salesos/event-store';
import { startTestStaffingApp, TestClock, type TestStaffingApp } from './test-app';
import { recordTestOrganisation } from './test-organisation';
import { recordTestPeople } from './test-people';
import { recordTestTraining } from './test-training';

const manager = asUser('manager-7', 'division-manager', 'north');

/** The callers of the training division's tests. */
export const trainingDivisionCallers = {
  manager,
  /** Leads presses-south: the organisation names their person its manager. Their token names no team. */
  teamLead: asUser('lead-1', 'team-lead', 'north'),
  /** Leads presses-north. */
  otherLead: asUser('lead-2', 'team-lead', 'north'),
  /** p-1's login. */
  rep: asUser('rep-1', 'rep', 'north'),
  /** p-2's login. */
  otherRep: asUser('rep-2', 'rep', 'north'),
  analyst: asUser('analyst-1', 'analyst', 'north'),
  dealer: asUser('dealer-user-1', 'dealer', 'north', { dealerId: 'nordbau' }),
  southManager: asUser('manager-9', 'division-manager', 'south'),
};

/** Today for the training division's tests: reach, reminders and readiness without a day are decided on it. */
export const trainingDivisionToday = '2026-06-01';

export interface TestTrainingDivision {
  app: INestApplication;
  store: MemoryEventStore;
  clock: TestClock;
  http: () => ReturnType<typeof request>;
  /** How many events the store holds. */
  events: () => Promise<number>;
}

/**
 * For each test of the block it is called in, the staffing service on memory at 09:00 UTC of `trainingDivisionToday`, holding the
 * north division's sales department with two teams: p-1 (rep-1) and the lead p-lead (lead-1) in presses-south, p-2
 * (rep-2) and the lead p-lead-2 (lead-2) in presses-north, each lead their team's manager; p-later joins
 * presses-south on 2026-09-01. Account executives need negotiation and product basics, team leads CRM hygiene; the
 * catalogue has those (12 months, 6 months, for good). Answers the current one.
 */
export function eachTestTrainingDivision(): () => TestTrainingDivision {
  let current: TestTrainingDivision | undefined;
  let started: TestStaffingApp | undefined;
  beforeEach(async () => {
    const clock = new TestClock();
    clock.setDay(trainingDivisionToday);
    started = await startTestStaffingApp({ clock });
    const { app, store } = started;
    const http = () => request(app.getHttpServer() as Parameters<typeof request>[0]);
    await recordTestOrganisation(app, store, {
      units: [
        { unitId: 'sales', kind: 'department' },
        { unitId: 'presses-south', parentUnitId: 'sales' },
        { unitId: 'presses-north', parentUnitId: 'sales' },
        { unitId: 'south-team', divisionId: 'south' },
      ],
      positions: [
        { positionId: 'account-executive', requiredCertifications: ['negotiation-101', 'product-basics'] },
        { positionId: 'team-lead', requiredCertifications: ['crm-hygiene'] },
      ],
    });
    await recordTestPeople(app, store, [
      { personId: 'p-1', unitId: 'presses-south', userId: 'rep-1' },
      { personId: 'p-2', unitId: 'presses-north', userId: 'rep-2' },
      { personId: 'p-lead', unitId: 'presses-south', positionId: 'team-lead', userId: 'lead-1' },
      { personId: 'p-lead-2', unitId: 'presses-north', positionId: 'team-lead', userId: 'lead-2' },
      { personId: 'p-9', unitId: 'south-team', divisionId: 'south', userId: 'rep-9' },
      { personId: 'p-later', unitId: 'presses-south', hiredOn: '2026-09-01' },
    ]);
    for (const [unitId, personId] of [
      ['presses-south', 'p-lead'],
      ['presses-north', 'p-lead-2'],
    ]) {
      await http()
        .post(`/units/${unitId}/managers`)
        .set(manager)
        .send({ personId, effectiveOn: '2026-01-01' })
        .expect(201);
    }
    await recordTestTraining(app, store, {
      courses: [
        { courseId: 'negotiation-101' },
        { courseId: 'product-basics', validityMonths: 6 },
        { courseId: 'crm-hygiene', validityMonths: null },
        { courseId: 'south-course', divisionId: 'south' },
      ],
    });
    const events = async () => (await store.readAll({ maxCount: 100_000 })).events.length;
    current = { app, store, clock, http, events };
  });
  afterEach(async () => {
    await started?.close();
    started = undefined;
    current = undefined;
  });
  return () => {
    if (current === undefined) throw new Error('the staffing service runs only inside a test');
    return current;
  };
}

/** Expects a 400 in problem+json naming the field. */
export function expectField(response: request.Response, field: string): void {
  expect({ status: response.status, type: response.headers['content-type'] as string }).toEqual({
    status: 400,
    type: expect.stringContaining('application/problem+json') as unknown,
  });
  expect((response.body as { errors?: unknown }).errors).toEqual(
    expect.arrayContaining([expect.objectContaining({ field })]),
  );
}
