import type { INestApplication } from '@nestjs/common';
import { testAuth } from '@salesos/auth/testing';
import { MemoryEventStore } from '@salesos/event-store';
import { InProcessRelayLock, InProcessTransport } from '@salesos/messaging';
import { createLeadsApp } from '../leads-app';
import { recordTestDivisions } from './test-organisation';

export interface TestLeadsApp {
  app: INestApplication;
  store: MemoryEventStore;
  /** Where the test publishes what the channels service would, and reads what the leads service answers. */
  transport: InProcessTransport;
  close(): Promise<void>;
}

/**
 * The leads service on memory, publishing to and consuming from an in-process transport, with the test divisions
 * recorded.
 */
export async function startTestLeadsApp(): Promise<TestLeadsApp> {
  const store = new MemoryEventStore({ pollIntervalMs: 10 });
  const transport = new InProcessTransport();
  const app = await createLeadsApp({
    auth: testAuth.verifier,
    store,
    publishing: { transport, lock: new InProcessRelayLock(), pollIntervalMs: 10 },
    consuming: { transport },
  });
  await app.init();
  await recordTestDivisions(app);
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
 * A fresh `startTestLeadsApp` for each test of the block it is called in, closed after it: answers the current
 * one.
 */
export function eachTestLeadsApp(): () => TestLeadsApp {
  let current: TestLeadsApp | undefined;
  beforeEach(async () => {
    current = await startTestLeadsApp();
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return () => {
    if (current === undefined) throw new Error('the leads service runs only inside a test');
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
