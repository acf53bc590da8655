import type { INestApplication } from '@nestjs/common';
import { testAuth } from '@salesos/auth/testing';
import { MemoryEventStore } from '@salesos/event-store';
import { InProcessRelayLock, InProcessTransport, silentLogger } from '@salesos/messaging';
import { leadsViewsCaughtUp, openLeadsDatabase } from '../../services/leads/src';
import { recordTestDivisions, untilLeadsKnowDealers } from '../../services/leads/src/testing';
import { recordTestDealer, type TestDealer } from '../../services/channels/src/testing';
import { openReportingDatabase } from '../../services/reporting/src';
import { openChannelsDatabase } from '../../services/channels/src';
import { openStaffingDatabase } from '../../services/staffing/src';
import { createPlatformApp, type PlatformParts } from '../platform-app';
import { storedTopicHistory } from '../platform-messaging';

/**
 * The whole platform in this process, on memory and SQLite, checking tokens signed with the tests' key; with the
 * dashboard and the demo sign-in when given.
 */
export async function startTestPlatform(
  store = new MemoryEventStore({ pollIntervalMs: 10 }),
  extras: Pick<PlatformParts, 'dashboard' | 'demoSignIn'> = {},
): Promise<{ app: INestApplication; store: MemoryEventStore }> {
  const app = await createPlatformApp({
    store,
    readModels: await openReportingDatabase({ kind: 'sqlite', filename: ':memory:' }),
    leadsDatabase: await openLeadsDatabase({ kind: 'sqlite', filename: ':memory:' }),
    channelsDatabase: await openChannelsDatabase({ kind: 'sqlite', filename: ':memory:' }),
    staffingDatabase: await openStaffingDatabase({ kind: 'sqlite', filename: ':memory:' }),
    transport: new InProcessTransport({ history: storedTopicHistory(store) }),
    relayLock: new InProcessRelayLock(),
    auth: testAuth.verifier,
    logger: silentLogger,
    ...extras,
  });
  await app.init();
  await leadsViewsCaughtUp(app);
  await recordTestDivisions(app);
  return { app, store };
}

/**
 * Records dealers as the channels service's own commands would, and waits until the leads service has heard of each
 * one it publishes, in its standing: then deals may be attributed to them (or are refused, as they stand).
 */
export async function recordPlatformDealers(
  app: INestApplication,
  store: MemoryEventStore,
  dealers: readonly TestDealer[],
): Promise<void> {
  for (const dealer of dealers) await recordTestDealer(app, store, dealer);
  // Dealers still applying or onboarding are not published: the leads service never hears of them.
  const published = dealers.flatMap(({ dealerId, reach = 'active' }) =>
    reach === 'active' || reach === 'suspended' ? [{ dealerId, standing: reach }] : [],
  );
  await untilLeadsKnowDealers(app, published);
}

interface ExpressLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** Every route an application serves, as `METHOD /path` with its `:parameters`, the OpenAPI page left out. */
export function servedRoutes(app: INestApplication): string[] {
  const express = app.getHttpAdapter().getInstance() as {
    router?: { stack: ExpressLayer[] };
    _router?: { stack: ExpressLayer[] };
  };
  const stack = (express.router ?? express._router)?.stack ?? [];
  return stack
    .flatMap((layer) =>
      layer.route === undefined
        ? []
        : Object.keys(layer.route.methods).map((method) => `${method.toUpperCase()} ${layer.route?.path ?? ''}`),
    )
    .filter((route) => !route.includes('/docs'));
}
