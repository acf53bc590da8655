import type { INestApplication } from '@nestjs/common';
import { testAuth } from '@salesos/auth/testing';
import { MemoryEventStore } from '@salesos/event-store';
import type { Clock } from '@salesos/http';
import { silentLogger } from '@salesos/messaging';
import type { ProjectorLease, ProjectorLock } from '@salesos/projections';
import { createStaffingApp, staffingViewsCaughtUp } from '../../staffing-app';
import { recordTestTraining, until } from '../../testing';
import { CertificationExpiries } from './certification-expiries';
import { DueCertifications } from './due-certifications.port';
import { MovableClock } from './training-application.fixture';

/**
 * Grants the expiry timer's lock when the test lets it, and lets the test take the lease away as a dropped database
 * connection would; every other lock is granted at once.
 */
class TimersLock implements ProjectorLock {
  grants = 0;
  private lease = { held: false };
  private gate = Promise.resolve();
  private open: () => void = () => undefined;

  async acquire(name: string): Promise<ProjectorLease> {
    if (name !== 'staffing-certification-expiries') {
      return { isHeld: () => true, release: () => Promise.resolve() };
    }
    await this.gate;
    const lease = { held: true };
    this.lease = lease;
    this.grants += 1;
    return {
      isHeld: () => lease.held,
      release: () => {
        lease.held = false;
        return Promise.resolve();
      },
    };
  }

  /** The lease is lost, and the lock is not granted again until `reopen`. */
  drop(): void {
    this.gate = new Promise((resolve) => (this.open = resolve));
    this.lease.held = false;
  }

  reopen(): void {
    this.open();
  }
}

/** Negotiation (12 months), product basics (6 months) and CRM hygiene (never expires), as the division offers them. */
const courses = [
  { courseId: 'negotiation-101' },
  { courseId: 'product-basics', validityMonths: 6 },
  { courseId: 'crm-hygiene', validityMonths: null },
];

describe('the certification expiry timer', () => {
  let store: MemoryEventStore;
  const apps: INestApplication[] = [];

  const start = async (clock: Clock, expiryCheckIntervalMs = 3_600_000, viewsLock?: ProjectorLock) => {
    const app = await createStaffingApp({
      auth: testAuth.verifier,
      store,
      clock,
      logger: silentLogger,
      ...(viewsLock === undefined ? {} : { viewsLock }),
      training: { expiryCheckIntervalMs },
    });
    await app.init();
    apps.push(app);
    await staffingViewsCaughtUp(app, 10_000);
    return app;
  };
  const types = async (personId: string) => (await store.readStream(`training-${personId}`)).map((event) => event.type);
  const expiries = async (personId: string) =>
    (await store.readStream(`training-${personId}`)).filter((event) => event.type === 'CertificationExpired');

  beforeEach(() => {
    store = new MemoryEventStore({ pollIntervalMs: 10 });
  });

  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
  });

  it('expires each certification on its expiry day, by the UTC day of the clock, once', async () => {
    const clock = new MovableClock(new Date('2026-03-10T12:00:00.000Z'));
    const app = await start(clock);
    await recordTestTraining(app, store, {
      courses,
      assessments: [
        { personId: 'p-1', courseId: 'negotiation-101', assessedOn: '2026-03-09' },
        { personId: 'p-1', courseId: 'product-basics', assessedOn: '2026-03-09' },
        { personId: 'p-2', courseId: 'crm-hygiene', assessedOn: '2026-03-09' },
      ],
    });
    const timer = app.get(CertificationExpiries);
    clock.at = new Date('2026-09-08T23:59:59.000Z');
    expect(await timer.tick()).toEqual({ expired: [], skipped: [] });

    clock.at = new Date('2026-09-09T00:00:01.000Z');
    const run = await timer.tick();
    expect(run.expired).toEqual([
      { personId: 'p-1', divisionId: 'north', courseId: 'product-basics', expiresOn: '2026-09-09' },
    ]);
    await staffingViewsCaughtUp(app, 10_000);
    expect(await timer.tick()).toEqual({ expired: [], skipped: [] });
    expect(await app.get(DueCertifications).dueBy('2099-12-31', 10)).toEqual([
      { personId: 'p-1', divisionId: 'north', courseId: 'negotiation-101', expiresOn: '2027-03-09' },
    ]);

    // Years on, the certification that never expires is still not due.
    clock.at = new Date('2036-01-01T03:00:00.000Z');
    expect((await timer.tick()).expired.map(({ courseId }) => courseId)).toEqual(['negotiation-101']);
    expect(await types('p-2')).toEqual(['AssessmentRecorded', 'CertificationGranted']);
    const [expiry] = await expiries('p-1');
    expect(expiry?.metadata).toMatchObject({ actor: { userId: 'system:certification-expiry', roles: [] } });
    expect((await expiries('p-1')).map((event) => (event.data as { courseId: string }).courseId)).toEqual([
      'product-basics',
      'negotiation-101',
    ]);
  });

  it('leaves a renewed certification alone, and expires the renewal on its own day', async () => {
    const clock = new MovableClock(new Date('2026-09-01T12:00:00.000Z'));
    const app = await start(clock);
    await recordTestTraining(app, store, {
      courses,
      assessments: [
        { personId: 'p-1', courseId: 'product-basics', assessedOn: '2026-03-09' },
        { personId: 'p-1', courseId: 'product-basics', assessedOn: '2026-09-01' },
      ],
    });
    const timer = app.get(CertificationExpiries);
    clock.at = new Date('2026-09-09T06:00:00.000Z');
    expect(await timer.tick()).toEqual({ expired: [], skipped: [] });
    clock.at = new Date('2027-03-01T06:00:00.000Z');
    expect((await timer.tick()).expired).toEqual([
      { personId: 'p-1', divisionId: 'north', courseId: 'product-basics', expiresOn: '2027-03-01' },
    ]);
  });

  it('expires on the first look after a start when the day came while no replica ran', async () => {
    const before = await start(new MovableClock(new Date('2026-03-10T12:00:00.000Z')));
    await recordTestTraining(before, store, {
      courses,
      assessments: [{ personId: 'p-1', courseId: 'product-basics', assessedOn: '2026-03-09' }],
    });
    await before.close();
    apps.splice(0);

    // Started weeks after the expiry day, with views of its own: the timer finds the certification without help.
    await start(new MovableClock(new Date('2026-10-01T08:00:00.000Z')), 20);
    await until(async () => (await expiries('p-1')).length > 0);
    expect((await expiries('p-1'))[0]?.data).toMatchObject({ courseId: 'product-basics', expiresOn: '2026-09-09' });
  });

  it('records each expiry once when two replicas on one store look at the same time', async () => {
    const clock = new MovableClock(new Date('2026-03-10T12:00:00.000Z'));
    const first = await start(clock);
    await recordTestTraining(first, store, {
      courses,
      assessments: [
        { personId: 'p-1', courseId: 'product-basics', assessedOn: '2026-03-09' },
        { personId: 'p-2', courseId: 'product-basics', assessedOn: '2026-03-09' },
      ],
    });
    const second = await start(clock);
    clock.at = new Date('2026-09-10T00:00:00.000Z');
    const timers = [first, second].map((app) => app.get(CertificationExpiries));
    await Promise.all(timers.map((timer) => timer.tick()));
    await Promise.all(timers.map((timer) => timer.tick()));
    expect(await expiries('p-1')).toHaveLength(1);
    expect(await expiries('p-2')).toHaveLength(1);
  });

  it('stops while its lock is lost and resumes once the lock is granted again', async () => {
    const clock = new MovableClock(new Date('2026-03-10T12:00:00.000Z'));
    const lock = new TimersLock();
    const app = await start(clock, 20, lock);
    await recordTestTraining(app, store, {
      courses,
      assessments: [{ personId: 'p-1', courseId: 'product-basics', assessedOn: '2026-03-09' }],
    });
    await until(() => lock.grants === 1);
    lock.drop();
    clock.at = new Date('2026-09-10T00:00:00.000Z');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await expiries('p-1')).toHaveLength(0);
    lock.reopen();
    await until(async () => (await expiries('p-1')).length === 1);
    expect(lock.grants).toBe(2);
  });
});
