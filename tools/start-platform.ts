import { EmbeddedAuth, type TokenSubject } from '@salesos/auth';
import { ConfigError, loadPlatformConfig, type PlatformConfig } from '@salesos/config';
import { openEventStore } from '@salesos/event-store/factory';
import { openLeadsDatabase } from '../services/leads/src';
import { openChannelsDatabase } from '../services/channels/src';
import { openStaffingDatabase } from '../services/staffing/src';
import { openReportingDatabase, prepareDashboard } from '../services/reporting/src';
import { seedDemoChannels } from './demo/seed-demo-channels';
import { demoDefaults, isEmpty, seedDemoData } from './demo/seed-demo-data';
import { seedDemoPlansAndRegistrations } from './demo/seed-demo-plans-and-registrations';
import { createPlatformApp } from './platform-app';
import { openPlatformMessaging } from './platform-messaging';
import { demoSignInFor, openTokenVerifier } from '@salesos/auth';
import { demoUser } from './demo/demo-users';

/** A token for the demo sales director and a request to paste, in the embedded mode. */
function tryItOut(config: PlatformConfig, base: string): string[] {
  if (config.auth.kind !== 'embedded') return ['  tokens:     from your identity provider (SALESOS_AUTH=jwks)'];
  const director = demoUser('director-1') as TokenSubject;
  const token = EmbeddedAuth.ofDataDir(config.dataDir).issue(director);
  return [
    '  tokens:     npm run token -- --user <id> (demo users: npm run token)',
    '  try (as the demo sales director, token valid 8 hours):',
    `    curl -s ${base}/reports/pipeline -H 'X-Division-Id: machines' -H 'Authorization: Bearer ${token}'`,
  ];
}

/** Boots the services that exist, in one process, on the configured adapters (embedded SQLite by default). */
async function main(): Promise<void> {
  const config = loadPlatformConfig();
  let store = await openEventStore(config.eventStore);
  const leadsDatabase = await openLeadsDatabase(config.leadsDatabase);
  const channelsDatabase = await openChannelsDatabase(config.channelsDatabase);
  const staffingDatabase = await openStaffingDatabase(config.staffingDatabase);
  if (config.demoData !== undefined && (await isEmpty(store))) {
    // A seed can be redone, so it is written in bulk mode; the platform then serves from a normal store.
    const seeding =
      config.eventStore.kind === 'memory' ? store : await openEventStore(config.eventStore, { bulk: true });
    process.stdout.write(
      `Empty store: seeding the demo company (seed ${config.demoData.seed}, SALESOS_DEMO_DATA=off to skip)\n`,
    );
    // First the divisions' channels and dealers, through the channels service's commands; its views hold them on
    // return. The sales seed then tells the leads service of the dealers, whose deals go to those active on the day.
    const channelsStarted = Date.now();
    const channels = await seedDemoChannels(seeding, {
      seed: config.demoData.seed,
      database: channelsDatabase,
      onProgress: (progress) =>
        process.stdout.write(
          `  ${progress.divisionId}: ${progress.channels} channels, ${progress.dealers} dealers, ${progress.agreements} agreements, ` +
            `${progress.contacts} contacts, ${progress.fundRequests} fund requests\n`,
        ),
    });
    process.stdout.write(
      `Seeded the channels in ${((Date.now() - channelsStarted) / 1000).toFixed(1)} s: ${channels.channels} channels, ` +
        `${channels.dealers.length} dealers (dealer-1 to dealer-36 sell, the others are applying), ` +
        `${channels.agreements} signed agreements, ${channels.contacts} contacts, ${channels.fundRequests} fund requests.\n`,
    );
    const started = Date.now();
    const seeded = await seedDemoData(seeding, {
      ...demoDefaults,
      seed: config.demoData.seed,
      database: leadsDatabase,
      onProgress: (progress) =>
        process.stdout.write(
          `  ${progress.businessDay}: ${progress.events.toLocaleString('en')} events, ${progress.leads} leads, ${progress.opportunities} opportunities\n`,
        ),
    });
    process.stdout.write(
      `Seeded ${seeded.events.toLocaleString('en')} events in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
        `3 divisions (machines, medical, services), 120 reps, ${seeded.leads} leads, ${seeded.opportunities} opportunities.\n`,
    );
    // Then the dealers' plans and deal registrations: the leads service answers the registrations from its views,
    // which now hold the sales and the dealers.
    const dealsStarted = Date.now();
    const deals = await seedDemoPlansAndRegistrations(seeding, {
      seed: config.demoData.seed,
      dealers: channels.dealers,
      database: channelsDatabase,
      leadsDatabase,
      onProgress: (progress) =>
        process.stdout.write(
          `  ${progress.divisionId}: ${progress.plans} plans, ${progress.registrations} deal registrations\n`,
        ),
    });
    const outcomes = ['accepted', 'conflicted', 'lapsed', 'won', 'lost'].map(
      (status) => `${deals.registrations.filter((registration) => registration.status === status).length} ${status}`,
    );
    process.stdout.write(
      `Seeded the dealers' plans and deal registrations in ${((Date.now() - dealsStarted) / 1000).toFixed(1)} s: ` +
        `${deals.plans} plans for ${deals.planPeriod} (${deals.planRevisions} revisions), ` +
        `${deals.registrations.length} deal registrations (${outcomes.join(', ')}).\n`,
    );
    if (seeding !== store) {
      await seeding.close();
      await store.close();
      store = await openEventStore(config.eventStore);
    }
  }
  const readModels = await openReportingDatabase(config.readModels);
  // Built from its sources when they changed since the last build (about a second), else the build there is.
  const dashboard = await prepareDashboard();
  if (dashboard.unavailable !== undefined) {
    process.stdout.write(`The dashboard is not built: ${dashboard.unavailable}\n`);
  }
  const messaging = openPlatformMessaging(config, store);
  const app = await createPlatformApp({
    store,
    readModels,
    leadsDatabase,
    channelsDatabase,
    staffingDatabase,
    transport: messaging.transport,
    relayLock: messaging.relayLock(),
    importLimits: config.imports,
    auth: openTokenVerifier(config),
    dashboard,
    demoSignIn: demoSignInFor(config),
  });
  await app.listen(config.port);
  const where = config.eventStore.kind === 'sqlite' ? config.eventStore.filename : config.eventStore.kind;
  const base = `http://localhost:${config.port}`;
  process.stdout.write(
    [
      `SalesOS is ready (event store: ${config.eventStore.kind}, ${where}; events travel ${config.transport === 'kafka' ? `through Kafka at ${config.kafkaBrokers.join(',')}` : 'in process'}).`,
      `  dashboard:  ${base}/ (${config.auth.kind === 'embedded' ? 'sign in as a demo user' : 'paste a bearer token'})`,
      `  leads API:  ${base}/leads, ${base}/opportunities, ${base}/segments`,
      `  channels:   ${base}/channels, ${base}/agreements, ${base}/tier-programmes, ${base}/contacts/follow-ups/overdue`,
      `  dealers:    ${base}/dealers, ${base}/dealers/export, ${base}/dealers/<id>, .../<id>/tier, .../<id>/contacts, .../<id>/funds/<period>, .../<id>/plans/<period>`,
      `  deals:      ${base}/registrations, ${base}/plans`,
      `  staffing:   ${base}/units?asOf=<day>, ${base}/positions, ${base}/people?asOf=<day>, ${base}/people/<id>`,
      `  training:   ${base}/training/courses, ${base}/training/people/<id>, ${base}/training/certifications/expiring?withinDays=<n>`,
      `  reports:    ${base}/reports/pipeline, ${base}/reports/funnel, ${base}/reports/outcomes, ${base}/reports/dealers?from=<day>&to=<day>`,
      `  OpenAPI:    ${base}/docs`,
      `  health:     ${base}/health/ready, metrics at ${base}/metrics`,
      ...tryItOut(config, base),
      'The incentives service joins this process as its issue lands.',
      '',
    ].join('\n'),
  );
  const stop = (): void => {
    void app
      .close()
      .then(() =>
        Promise.all([
          store.close(),
          readModels.destroy(),
          leadsDatabase.destroy(),
          channelsDatabase.destroy(),
          staffingDatabase.destroy(),
        ]),
      )
      .then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(
    error instanceof ConfigError ? `${error.message}\n` : `SalesOS failed to start: ${String(error)}\n`,
  );
  process.exit(1);
});
