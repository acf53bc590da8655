import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { MemoryEventStore } from '@salesos/event-store';
import { asUser, testAuth } from '@salesos/auth/testing';
import { Clock } from '@salesos/http';
import { silentLogger } from '@salesos/messaging';
import type { ProjectorLease, ProjectorLock } from '@salesos/projections';
import { channelsViewsCaughtUp, createChannelsApp } from '../../channels-app';
import { recordTestDealer } from '../../testing';
import { LeadsEventsConsumer } from '../messaging/leads-events.consumer';
import { accepted } from '../messaging/leads-events.fixture';
import { RegistrationLapses } from './registration-lapses';

/** A clock the test moves forward. */
class MovableClock extends Clock {
  constructor(public at: Date) {
    super();
  }

  now(): Date {
    return this.at;
  }
}

const dealerUser = asUser('dealer-user-1', 'dealer', 'north', { dealerId: 'dealer-1' });
const decidedAt = '2026-05-10T11:00:00.000Z';
const dueAt = '2026-06-09T11:00:00.000Z';
const dayMs = 24 * 60 * 60 * 1000;
const later = (from: string, ms: number) => new Date(Date.parse(from) + ms);

async function until(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Grants the lapse timer's lock when the test lets it, and lets the test take the lease away as a dropped database
 * connection would; every other lock is granted at once.
 */
class TimersLock implements ProjectorLock {
  grants = 0;
  private lease = { held: false };
  private gate = Promise.resolve();
  private open: () => void = () => undefined;

  async acquire(name: string): Promise<ProjectorLease> {
    if (name !== 'channels-registration-lapses') return { isHeld: () => true, release: () => Promise.resolve() };
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

describe('durable lapse timer of accepted registrations', () => {
  let store: MemoryEventStore;
  const apps: INestApplication[] = [];

  const start = async (clock: Clock, lapseCheckIntervalMs = 3_600_000, viewsLock?: ProjectorLock) => {
    const app = await createChannelsApp({
      auth: testAuth.verifier,
      store,
      clock,
      logger: silentLogger,
      ...(viewsLock === undefined ? {} : { viewsLock }),
      registrations: { lapseAfterDays: 30, lapseCheckIntervalMs },
    });
    await app.init();
    apps.push(app);
    await channelsViewsCaughtUp(app, 10_000);
    return app;
  };

  /** A dealer's registration, accepted by the leads service at `decidedAt`. */
  const acceptedRegistration = async (app: INestApplication, registrationId = 'reg-1') => {
    await request(app.getHttpServer() as Parameters<typeof request>[0])
      .post('/registrations')
      .set(dealerUser)
      .send({ registrationId, companyName: `Company of ${registrationId}` })
      .expect(201);
    await app.get(LeadsEventsConsumer).onAccepted(accepted(registrationId, decidedAt));
  };

  const lapses = async (registrationId = 'reg-1') =>
    (await store.readStream(`registration-${registrationId}`)).filter((event) => event.type === 'RegistrationLapsed');

  beforeEach(() => {
    store = new MemoryEventStore();
  });

  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
  });

  it('lapses an accepted registration once its days without progress are over, as of its due date, once', async () => {
    const clock = new MovableClock(new Date('2026-05-10T12:00:00.000Z'));
    const app = await start(clock);
    await recordTestDealer(app, store, { dealerId: 'dealer-1', userIds: ['dealer-user-1'] });
    await acceptedRegistration(app);
    const timer = app.get(RegistrationLapses);
    expect(await timer.tick()).toBe(0);
    clock.at = later(dueAt, -1);
    expect(await timer.tick()).toBe(0);
    expect(await lapses()).toHaveLength(0);

    clock.at = later(dueAt, 1000);
    expect(await timer.tick()).toBe(1);
    expect(await timer.tick()).toBe(0);
    clock.at = later(dueAt, 10 * dayMs);
    expect(await timer.tick()).toBe(0);
    const lapsed = await lapses();
    expect(lapsed).toHaveLength(1);
    expect(lapsed[0]?.data).toMatchObject({ lapseAfterDays: 30, lastActivityAt: decidedAt, dueAt, lapsedAt: dueAt });
    const read = await request(app.getHttpServer() as Parameters<typeof request>[0])
      .get('/registrations/reg-1')
      .set(dealerUser)
      .expect(200);
    expect(read.body).toMatchObject({ status: 'lapsed', closedAt: dueAt });
    expect((read.body as { lapseDueAt?: string }).lapseDueAt).toBeUndefined();
  });

  it('lapses on the first tick after a start when it fell due while the process was down', async () => {
    const before = await start(new MovableClock(new Date('2026-05-10T12:00:00.000Z')));
    await recordTestDealer(before, store, { dealerId: 'dealer-1', userIds: ['dealer-user-1'] });
    await acceptedRegistration(before);
    await before.close();
    apps.splice(0);

    // Started 20 days after the due date, with its own (rebuilt) views: the timer finds the lapse without help.
    await start(new MovableClock(later(dueAt, 20 * dayMs)), 20);
    await until(async () => (await lapses()).length > 0);
    const lapsed = await lapses();
    expect(lapsed).toHaveLength(1);
    expect(lapsed[0]?.data).toMatchObject({ dueAt, lapsedAt: dueAt });
  });

  it('fires once when two instances on one store tick at the same time', async () => {
    const clock = new MovableClock(new Date('2026-05-10T12:00:00.000Z'));
    const first = await start(clock);
    await recordTestDealer(first, store, { dealerId: 'dealer-1', userIds: ['dealer-user-1'] });
    await acceptedRegistration(first, 'reg-1');
    await acceptedRegistration(first, 'reg-2');
    const second = await start(clock);
    clock.at = later(dueAt, 60_000);
    await Promise.all([first.get(RegistrationLapses).tick(), second.get(RegistrationLapses).tick()]);
    await Promise.all([first.get(RegistrationLapses).tick(), second.get(RegistrationLapses).tick()]);
    expect(await lapses('reg-1')).toHaveLength(1);
    expect(await lapses('reg-2')).toHaveLength(1);
  });

  it('stops while its lock is lost and resumes once the lock is granted again', async () => {
    const clock = new MovableClock(new Date('2026-05-10T12:00:00.000Z'));
    const lock = new TimersLock();
    const app = await start(clock, 20, lock);
    await recordTestDealer(app, store, { dealerId: 'dealer-1', userIds: ['dealer-user-1'] });
    await acceptedRegistration(app, 'reg-1');
    await until(() => Promise.resolve(lock.grants === 1));
    lock.drop();
    clock.at = later(dueAt, 1000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await lapses('reg-1')).toHaveLength(0);
    lock.reopen();
    await until(async () => (await lapses('reg-1')).length === 1);
    expect(lock.grants).toBe(2);
  });

  it('counts from the latest progress: a deal that moved lapses later', async () => {
    const clock = new MovableClock(new Date('2026-05-10T12:00:00.000Z'));
    const app = await start(clock);
    await recordTestDealer(app, store, { dealerId: 'dealer-1', userIds: ['dealer-user-1'] });
    await acceptedRegistration(app);
    clock.at = new Date('2026-06-01T00:00:00.000Z');
    const { opened } = await import('../messaging/leads-events.fixture');
    await app
      .get(LeadsEventsConsumer)
      .onOpened(opened('opp-1', { accountName: 'Company of reg-1', openedAt: '2026-05-31T00:00:00.000Z' }));
    clock.at = later(dueAt, 1000);
    expect(await app.get(RegistrationLapses).tick()).toBe(0);
    clock.at = new Date('2026-06-30T00:00:01.000Z');
    expect(await app.get(RegistrationLapses).tick()).toBe(1);
    expect((await lapses())[0]?.data).toMatchObject({ dueAt: '2026-06-30T00:00:00.000Z' });
  });
});
