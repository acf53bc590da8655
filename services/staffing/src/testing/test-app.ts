import type { INestApplication } from '@nestjs/common';
import { testAuth } from '@salesos/auth/testing';
import { MemoryEventStore } from '@salesos/event-store';
import { Clock } from '@salesos/http';
import { InProcessRelayLock, InProcessTransport } from '@salesos/messaging';
import { createStaffingApp } from '../staffing-app';

export interface TestStaffingApp {
  app: INestApplication;
  store: MemoryEventStore;
  /** Where the service publishes: a test reads what it published here. */
  transport: InProcessTransport;
  close(): Promise<void>;
}

/** A clock a test sets and moves: the service's "today" decides reach and what a person's record says today. */
export class TestClock extends Clock {
  constructor(public at = new Date('2026-04-15T09:00:00.000Z')) {
    super();
  }

  now(): Date {
    return this.at;
  }

  /** Moves to 09:00 UTC of a day. */
  setDay(day: string): void {
    this.at = new Date(`${day}T09:00:00.000Z`);
  }
}

export interface TestStaffingAppOptions {
  /** The service's clock; the system's without it. */
  clock?: Clock;
}

/**
 * The staffing service on memory, checking tokens signed with the tests' key (`asUser` of `@salesos/auth/testing`),
 * publishing to an in-process transport.
 */
export async function startTestStaffingApp(options: TestStaffingAppOptions = {}): Promise<TestStaffingApp> {
  const store = new MemoryEventStore({ pollIntervalMs: 10 });
  const transport = new InProcessTransport();
  const app = await createStaffingApp({
    auth: testAuth.verifier,
    store,
    publishing: { transport, lock: new InProcessRelayLock(), pollIntervalMs: 10 },
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
  await app.init();
  return {
    app,
    store,
    transport,
    close: async () => {
      await app.close();
      await transport.close();
    },
  };
}

/**
 * A fresh `startTestStaffingApp` for each test of the block it is called in, closed after it: answers the current
 * one.
 */
export function eachTestStaffingApp(options: TestStaffingAppOptions = {}): () => TestStaffingApp {
  let current: TestStaffingApp | undefined;
  beforeEach(async () => {
    current = await startTestStaffingApp(options);
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return () => {
    if (current === undefined) throw new Error('the staffing service runs only inside a test');
    return current;
  };
}

/** Resolves once `condition` holds; fails after five seconds. */
export async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
