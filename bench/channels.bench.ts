/**
 * Channels service benchmark, on PostgreSQL and the Kafka broker, with the leads and channels services in processes of
 * their own (bench/lib/channels-world.ts). Registrations: one probe registration answered end to end; the store's
 * appends with 16 writers (the baseline); the most registrations answered per second with 16 dealer users submitting
 * through HTTP until the leads service's answer is recorded; the answer latency at half that rate, open loop. Tiers:
 * 10,000 dealers with 5 years of tier history decided by the service's own decider and stored in bulk, then the
 * p95 of "which tier on day D" through the HTTP API. Runs under tools/register.cjs; results go to
 * bench/results/channels.json. Knobs: BENCH_SECONDS, BENCH_WARMUP_SECONDS, BENCH_DRAIN_SECONDS, BENCH_DEALERS,
 * BENCH_TIER_YEARS, BENCH_TIER_REVIEWS_PER_YEAR, BENCH_TIER_QUERIES, BENCH_SEED, and BENCH_PARTS
 * (`registrations`, `tiers`, or both, the default; a part not run keeps its figures from the file).
 */
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { PostgresEventStore } from '@salesos/event-store/postgres';
import { runBench } from './lib/bench-process';
import { type ChannelsBenchConfig, loadChannelsConfig } from './lib/channels-config';
import {
  buildChannelsReport,
  type ChannelsRunInfo,
  previousReport,
  type RegistrationFigures,
  type TierFigures,
  writeChannelsReport,
} from './lib/channels-report';
import { expectOk, manager } from './lib/channels-setup';
import { type ChannelsWorld, openChannelsWorld } from './lib/channels-world';
import { type CpuCores, CpuWindow } from './lib/e2e-cpu-window';
import { StoreWriter, streamTemplate, type StreamTemplate } from './lib/leads-store-mix';
import { measureThroughput } from './lib/load';
import { peakRssMb, sleep } from './lib/messaging-timing';
import { progress } from './lib/progress';
import { RegistrationAnswers } from './lib/registration-answers';
import {
  measureAnsweredRate,
  measureAnswerLatency,
  type RegistrationRun,
  submitRegistration,
} from './lib/registration-load';
import { registrationStages } from './lib/registration-stages';
import { seedTierHistories } from './lib/tier-history';
import { measureAsOf, waitForSeededViews } from './lib/tier-queries';

const resultsPath = join(__dirname, 'results', 'channels.json');
const answerPollMs = 5;

async function main(): Promise<void> {
  const config = loadChannelsConfig();
  const [loadAtStart = Number.NaN] = loadavg();
  progress(`parts: ${[...config.parts].join(', ')}; load average ${loadAtStart.toFixed(2)} at start`);
  const world = await openChannelsWorld(config);
  let registrations: RegistrationFigures | undefined;
  let tiers: TierFigures | undefined;
  let rss: ChannelsRunInfo['peakRssMb'];
  try {
    if (config.parts.has('registrations')) registrations = await measureRegistrations(world, config);
    if (config.parts.has('tiers')) tiers = await measureTiers(world, config);
    rss = { channels: await world.channels.peakRssMb(), leads: await world.leads.peakRssMb(), bench: peakRssMb() };
  } finally {
    await world.teardown.runAll();
  }
  const info: ChannelsRunInfo = {
    config,
    date: new Date().toISOString(),
    nodeVersion: process.version,
    postgresVersion: world.channelsDatabase.serverVersion,
    cpuCount: availableParallelism(),
    loadAverage: { start: loadAtStart, end: loadavg()[0] ?? Number.NaN },
    peakRssMb: rss,
  };
  const report = buildChannelsReport(registrations, tiers, info, previousReport(resultsPath));
  await writeChannelsReport(resultsPath, report);
  progress(`wrote ${resultsPath}`);
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

async function measureRegistrations(world: ChannelsWorld, config: ChannelsBenchConfig): Promise<RegistrationFigures> {
  const answers = new RegistrationAnswers(world.store, answerPollMs);
  const run: RegistrationRun = {
    channels: world.channels.http,
    answers,
    clients: world.clients,
    runId: world.runId,
    answerTimeoutMs: config.drainSeconds * 1000,
    failures: { count: 0, samples: [] },
    answered: [],
  };
  const { probeMs, template, leadsAppends } = await probe(world, run);
  answers.start();
  try {
    const store = await measureStoreBaseline(world, config, template);
    const shape = { seconds: config.seconds, warmupSeconds: config.warmupSeconds };
    const closedLoop = await observed(world, [], () => measureAnsweredRate(run, shape));
    const rate = closedLoop.eventsPerSecond * config.halfRateShare;
    const halfRate = await observed(world, [], () =>
      measureAnswerLatency(run, { ...shape, ratePerSecond: rate, drainSeconds: config.drainSeconds }, () =>
        world.failure(),
      ),
    );
    const readBack = await readBackAnswered(world, run.answered);
    return {
      probeMs,
      store,
      closedLoop,
      halfRate,
      readBack,
      failures: run.failures,
      answerPolls: answers.polls,
      appendsPerRegistration: { channels: template.appends.length, leads: leadsAppends },
    };
  } finally {
    await answers.stop();
  }
}

/**
 * One registration answered end to end before anything is timed, read through GET /registrations/{id} as its dealer's
 * user sees it: a path that does not answer fails the run at once, and its stream is the baseline's template.
 */
async function probe(world: ChannelsWorld, run: RegistrationRun) {
  const client = world.clients[0];
  if (client === undefined) throw new Error('no clients');
  const started = performance.now();
  const registrationId = await submitRegistration(run, client);
  if (registrationId === undefined) throw new Error(`the probe registration was refused: ${run.failures.samples[0]}`);
  for (;;) {
    const failure = world.failure();
    if (failure !== undefined) throw new Error(failure);
    const read = await expectOk(world.channels.http.get(`/registrations/${registrationId}`, client.headers), 'probe');
    const { status } = JSON.parse(read.body) as { status: string };
    if (status !== 'submitted') break;
    if (performance.now() - started > 120_000) throw new Error('the probe registration was not answered in 120 s');
    await sleep(20);
  }
  const probeMs = performance.now() - started;
  const template = streamTemplate(
    `registration-${registrationId}`,
    await world.store.readStream(`registration-${registrationId}`),
  );
  const leadsAppends = await decisionAppends(world, registrationId);
  progress(
    `probe: registration ${registrationId} answered after ${Math.round(probeMs)} ms; its stream ` +
      template.appends.map((append) => append.events.map((event) => event.type).join('+')).join(', ') +
      `; the leads service's answer took ${leadsAppends} append(s)`,
  );
  return { probeMs, template, leadsAppends };
}

/** How many appends the leads service made to answer the registration, on its own store. */
async function decisionAppends(world: ChannelsWorld, registrationId: string): Promise<number> {
  const decision = await world.leadsStore.readStream(`dealregistration-${registrationId}`);
  return streamTemplate(`dealregistration-${registrationId}`, decision).appends.length;
}

/** The appends a registration makes on the channels store, straight into the store on a database of their own. */
async function measureStoreBaseline(world: ChannelsWorld, config: ChannelsBenchConfig, template: StreamTemplate) {
  const database = await world.database('store baseline');
  const store = await PostgresEventStore.connect({ url: database.url, poolSize: config.clients });
  try {
    return await observed(world, [database.name], () =>
      measureThroughput(
        {
          label: `store_appends_per_s_${config.clients}`,
          writers: config.clients,
          seconds: config.seconds,
          warmupSeconds: config.warmupSeconds,
        },
        (writer) => {
          const client = world.clients[writer];
          const identity = { index: writer, divisionId: 'bench', userId: client?.userId ?? `writer-${writer}` };
          const streams = new StoreWriter(store, [template], identity);
          return async () => {
            await streams.next();
            return 1;
          };
        },
      ),
    );
  } finally {
    await store.close();
  }
}

/** Answered registrations as a manager reads them through the API: each must show its answer there. */
async function readBackAnswered(world: ChannelsWorld, answered: readonly string[]) {
  const sample = answered.filter((_, index) => index % Math.max(1, Math.floor(answered.length / 100)) === 0);
  const notAnswered: string[] = [];
  for (const registrationId of sample) {
    const read = await expectOk(world.channels.http.get(`/registrations/${registrationId}`, manager), 'read back');
    const { status } = JSON.parse(read.body) as { status: string };
    if (status !== 'accepted' && status !== 'conflicted') notAnswered.push(`${registrationId}: ${status}`);
  }
  progress(`read back ${sample.length} answered registrations through the API: ${notAnswered.length} not answered`);
  const stages = await registrationStages(world.store, world.leadsStore, sample);
  progress(
    `stored submission to stored decision p50 ${stages.submittedToDecidedMs.p50.toFixed(0)} ms, p99 ` +
      `${stages.submittedToDecidedMs.p99.toFixed(0)} ms; decision to stored answer p50 ` +
      `${stages.decidedToAnsweredMs.p50.toFixed(0)} ms, p99 ${stages.decidedToAnsweredMs.p99.toFixed(0)} ms`,
  );
  return { read: sample.length, notAnswered, stages };
}

async function measureTiers(world: ChannelsWorld, config: ChannelsBenchConfig): Promise<TierFigures> {
  const shape = config.tiers;
  progress(
    `tier seed: ${shape.dealers.toLocaleString('en')} dealers, ${shape.years} years, ` +
      `${shape.reviewsPerYear} reviews a year`,
  );
  const seedStore = await PostgresEventStore.connect({
    url: world.channelsDatabase.url,
    poolSize: shape.writers,
    synchronousCommit: false,
    migrate: false,
  });
  const seeded = await seedTierHistories(seedStore, shape).finally(() => seedStore.close());
  const changes = seeded.histories.reduce((sum, history) => sum + history.days.length, 0);
  progress(
    `tier seed: ${seeded.events.toLocaleString('en')} events stored, ${changes.toLocaleString('en')} effective ` +
      `changes, ${Math.round(seeded.eventsPerSecond).toLocaleString('en')} events/s`,
  );
  const viewMs = await waitForSeededViews(world.admin, { dealers: shape.dealers, events: seeded.events }, 600_000);
  progress(`views: every seeded event folded ${(viewMs / 1000).toFixed(1)} s after the seed`);
  const relayMs = await waitForRelay(world);
  await world.admin.query('CHECKPOINT');
  const asOf = await observed(world, [], () => measureAsOf(world.channels.http, seeded, shape));
  return {
    dealers: shape.dealers,
    events: seeded.events,
    changes,
    firstDay: seeded.firstDay,
    lastDay: seeded.lastDay,
    seedEventsPerSecond: seeded.eventsPerSecond,
    viewCatchUpSeconds: viewMs / 1000,
    relayDrainSeconds: relayMs / 1000,
    asOf,
  };
}

/** The relay publishes the seeded tier changes too: the queries start once it is done, not beside it. */
async function waitForRelay(world: ChannelsWorld): Promise<number> {
  const started = performance.now();
  for (let lag = await world.channels.metric('salesos_relay_lag'); lag > 0;) {
    progress(`channels relay: ${lag.toLocaleString('en')} event(s) still to publish`);
    if (performance.now() - started > 600_000) throw new Error(`the channels relay is still ${lag} event(s) behind`);
    await sleep(2000);
    lag = await world.channels.metric('salesos_relay_lag');
  }
  return performance.now() - started;
}

/** A CHECKPOINT first, so no phase pays for the dirty pages of the one before it; the CPU each process used. */
async function observed<T extends object>(
  world: ChannelsWorld,
  extraDatabases: readonly string[],
  phase: () => Promise<T>,
): Promise<T & { cpu: CpuCores }> {
  await world.admin.query('CHECKPOINT');
  const databases = [world.channelsDatabase.name, world.leadsDatabase.name, ...extraDatabases];
  const cpu = new CpuWindow({ channels: world.channels, leads: world.leads }, world.channelsDatabase.url, databases);
  cpu.start();
  const result = await phase();
  cpu.end();
  return { ...result, cpu: await cpu.cores() };
}

runBench('channels', main);
