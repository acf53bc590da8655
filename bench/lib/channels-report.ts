import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ChannelsBenchConfig } from './channels-config';
import type { CpuCores } from './e2e-cpu-window';
import type { Throughput } from './load';
import { type RunFacts, runFactsMetadata } from './run-facts';
import type { Distribution } from './messaging-timing';
import type { ClosedLoopResult, Failures, OpenLoopResult } from './registration-load';
import type { RegistrationStages } from './registration-stages';
import type { AsOfResult } from './tier-queries';

export interface RegistrationFigures {
  probeMs: number;
  store: Throughput & { cpu: CpuCores };
  closedLoop: ClosedLoopResult & { cpu: CpuCores };
  halfRate: OpenLoopResult & { cpu: CpuCores };
  /** Answered registrations read back through GET /registrations/{id}, and those that did not read as answered. */
  readBack: { read: number; notAnswered: string[]; stages: RegistrationStages };
  failures: Failures;
  answerPolls: number;
  appendsPerRegistration: { channels: number; leads: number };
}

export interface TierFigures {
  dealers: number;
  events: number;
  changes: number;
  firstDay: string;
  lastDay: string;
  seedEventsPerSecond: number;
  viewCatchUpSeconds: number;
  relayDrainSeconds: number;
  asOf: AsOfResult & { cpu: CpuCores };
}

export interface ChannelsRunInfo extends RunFacts {
  config: ChannelsBenchConfig;
  peakRssMb: { channels: number | undefined; leads: number | undefined; bench: number };
}

const targets = { registration_answer_p99_ms: 250, tier_as_of_p95_ms: 20 } as const;
const registrationKeys = [
  'registrations_answered_per_s',
  'store_appends_per_s_16',
  'ratio_registration_to_store',
  'registration_answer_p99_ms',
] as const;

type Report = Record<string, unknown> & { breakdown: Record<string, unknown> };

/**
 * The figures of the parts run; a part not run (BENCH_PARTS) keeps its figures from the file's last run, so the file
 * always holds every key.
 */
export function buildChannelsReport(
  registrations: RegistrationFigures | undefined,
  tiers: TierFigures | undefined,
  info: ChannelsRunInfo,
  previous: Report | undefined,
): Report {
  const kept = (key: string): unknown => previous?.[key] ?? null;
  const keptBreakdown = (key: string): unknown => previous?.breakdown[key] ?? null;
  const answeredPerSecond = registrations?.closedLoop.eventsPerSecond;
  const storePerSecond = registrations?.store.eventsPerSecond;
  const headline: Record<string, unknown> = {
    registrations_answered_per_s: answeredPerSecond === undefined ? kept(registrationKeys[0]) : rate(answeredPerSecond),
    store_appends_per_s_16: storePerSecond === undefined ? kept(registrationKeys[1]) : rate(storePerSecond),
    ratio_registration_to_store:
      answeredPerSecond === undefined || storePerSecond === undefined
        ? kept(registrationKeys[2])
        : round(answeredPerSecond / storePerSecond, 3),
    registration_answer_p99_ms:
      registrations === undefined ? kept(registrationKeys[3]) : ms(registrations.halfRate.answerMs.p99),
    tier_as_of_p95_ms: tiers === undefined ? kept('tier_as_of_p95_ms') : ms(tiers.asOf.latencyMs.p95),
    peak_rss_mb: info.peakRssMb.channels === undefined ? null : round(info.peakRssMb.channels, 1),
  };
  const p99 = headline.registration_answer_p99_ms;
  const p95 = headline.tier_as_of_p95_ms;
  const met = {
    registration_answer_p99_ms: typeof p99 === 'number' && p99 < targets.registration_answer_p99_ms,
    tier_as_of_p95_ms: typeof p95 === 'number' && p95 < targets.tier_as_of_p95_ms,
    tier_answers_correct:
      tiers === undefined
        ? (previous?.targets_met as Record<string, boolean> | undefined)?.tier_answers_correct === true
        : tiers.asOf.wrongAnswers === 0,
  };
  return {
    ...headline,
    targets: {
      registration_answer_p99_ms: `< ${targets.registration_answer_p99_ms} at half the maximum rate`,
      tier_as_of_p95_ms: `< ${targets.tier_as_of_p95_ms}`,
      tier_answers_correct: 'every as-of answer equals the decided history',
    },
    targets_met: { ...met, all: Object.values(met).every(Boolean) },
    breakdown: {
      registrations:
        registrations === undefined ? keptBreakdown('registrations') : registrationBreakdown(registrations),
      tiers: tiers === undefined ? keptBreakdown('tiers') : tierBreakdown(tiers),
      peak_rss_mb: {
        channels_service: roundOrNull(info.peakRssMb.channels),
        leads_service: roundOrNull(info.peakRssMb.leads),
        bench_process: round(info.peakRssMb.bench, 1),
      },
    },
    metadata: metadata(info),
    method: method(info.config),
  };
}

function registrationBreakdown(r: RegistrationFigures) {
  return {
    probe_answer_ms: ms(r.probeMs),
    errors: r.failures.count,
    error_samples: r.failures.samples,
    read_back_through_api: { read: r.readBack.read, not_answered: r.readBack.notAnswered },
    stored_submission_to_stored_decision_ms: summary(r.readBack.stages.submittedToDecidedMs),
    stored_decision_to_stored_answer_ms: summary(r.readBack.stages.decidedToAnsweredMs),
    answer_polls_of_the_store: r.answerPolls,
    appends_per_registration: r.appendsPerRegistration,
    store_16_writers: {
      appends_per_s: rate(r.store.eventsPerSecond),
      client_cpu_cores: cores(r.store.clientCpuCores),
      cpu_cores: coresOf(r.store.cpu),
    },
    closed_loop_16_clients: {
      answered_per_s: rate(r.closedLoop.eventsPerSecond),
      submit_to_answer_ms: summary(r.closedLoop.answerMs),
      client_cpu_cores: cores(r.closedLoop.clientCpuCores),
      cpu_cores: coresOf(r.closedLoop.cpu),
    },
    half_rate: {
      target_per_s: rate(r.halfRate.targetRatePerSecond),
      achieved_per_s: rate(r.halfRate.achievedRatePerSecond),
      offered: r.halfRate.offered,
      answered: r.halfRate.answered,
      never_answered: r.halfRate.neverAnswered,
      errors: r.halfRate.errors,
      scheduled_to_answer_ms: summary(r.halfRate.answerMs),
      scheduled_to_201_ms: summary(r.halfRate.submitMs),
      schedule_lag_ms: summary(r.halfRate.scheduleLagMs),
      cpu_cores: coresOf(r.halfRate.cpu),
    },
  };
}

function tierBreakdown(t: TierFigures) {
  return {
    dealers: t.dealers,
    events_stored: t.events,
    effective_changes: t.changes,
    history_from: t.firstDay,
    history_to: t.lastDay,
    seed_events_per_s: rate(t.seedEventsPerSecond),
    views_caught_up_s_after_seed: round(t.viewCatchUpSeconds, 1),
    relay_drained_s_after_view: round(t.relayDrainSeconds, 1),
    as_of: {
      queries: t.asOf.queries,
      latency_ms: summary(t.asOf.latencyMs),
      wrong_answers: t.asOf.wrongAnswers,
      wrong_samples: t.asOf.wrongSamples,
      before_first_tier: t.asOf.beforeFirstTier,
      cpu_cores: coresOf(t.asOf.cpu),
    },
  };
}

function metadata(info: ChannelsRunInfo) {
  const { config } = info;
  return {
    ...runFactsMetadata(info),
    parts: [...config.parts],
    clients: config.clients,
    seconds_per_measurement: config.seconds,
    warmup_seconds: config.warmupSeconds,
    half_rate_share: config.halfRateShare,
    tier_dealers: config.tiers.dealers,
    tier_years: config.tiers.years,
    tier_reviews_per_year: config.tiers.reviewsPerYear,
    tier_seed: config.tiers.seed,
  };
}

function method(config: ChannelsBenchConfig): Record<string, string> {
  const { clients } = config;
  return {
    services:
      'The leads and channels services each in a process of its own (started as tools/start-service.ts starts them), ' +
      'each on a fresh PostgreSQL database of its own (events and views), reaching each other through the Kafka ' +
      'broker on topics and consumer groups prefixed with the run id, all removed at the end.',
    answered:
      'A registration counts as answered when the channels service has stored the leads service’s answer ' +
      '(RegistrationAccepted or RegistrationConflicted) on its stream, which GET /registrations/{id} reads: the bench ' +
      'tails the registration streams of the service’s store every 5 ms and notes when each answer shows. Answered ' +
      'registrations are read back through GET /registrations/{id} afterwards (read_back_through_api).',
    registration:
      `POST /registrations by ${clients} dealer users, each for its own active dealer, each naming a company of its ` +
      'own (so the leads service accepts it: no lead or deal of that company). Path: HTTP, the channels store, its ' +
      'relay to Kafka, the leads consumer decides and stores its answer, its relay to Kafka, the channels consumer ' +
      'stores the answer.',
    store_16_writers:
      `${clients} writers calling PostgresEventStore.append on a fresh database of the same server, while the services ` +
      'stand idle: the appends a registration makes on the channels store (its submission on a new stream, then the ' +
      'answer at version 1, copied from the probe registration with fresh ids). One append counted per append.',
    ratio:
      'registrations_answered_per_s / store_appends_per_s_16; one registration costs two appends on the channels ' +
      'store and one on the leads store, two relays and two Kafka hops.',
    closed_loop: `${clients} clients, each submitting and waiting for the answer before its next submission.`,
    half_rate:
      `Registrations offered at ${config.halfRateShare} x registrations_answered_per_s on a timer, dealt round-robin ` +
      `to the ${clients} clients; a client sends its submissions in order but does not wait for answers. Latency ` +
      'from the scheduled send to the recorded answer; unanswered after the drain time counts as infinite.',
    tiers:
      'Each dealer decided in memory by the service’s own deciders: onboarded (applied, approved, checklist ' +
      'ticked, activated), then its tier record (an assignment, quarterly reviews proposing changes confirmed or ' +
      'rejected by a manager, now and then a correction); each stream stored whole in one append, many streams a ' +
      'write, with synchronous_commit off (events_stored counts both streams). The channels service’s own ' +
      'projection folds them into its views and its relay publishes them; queries start once both are done. Then ' +
      'GET /dealers/{id}/tier?asOf=D as a sales director, one at a time, random dealer and day (from a month before ' +
      'the first history to its end), each answer checked against the decided history.',
    timing: 'Each throughput measurement: warm-up, then the timed window, with CHECKPOINT before it.',
  };
}

export function previousReport(path: string): Report | undefined {
  if (!existsSync(path)) return undefined;
  return JSON.parse(readFileSync(path, 'utf8')) as Report;
}

export async function writeChannelsReport(path: string, report: Report): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(report, null, 2)}\n`);
}

const round = (value: number, digits: number): number => Math.round(value * 10 ** digits) / 10 ** digits;
const roundOrNull = (value: number | undefined): number | null => (value === undefined ? null : round(value, 1));
const rate = (perSecond: number): number => (perSecond >= 100 ? Math.round(perSecond) : round(perSecond, 1));
const ms = (value: number): number => round(value, 2);
const cores = (value: number): number => round(value, 2);
const coresOf = (cpu: CpuCores): Record<string, number> =>
  Object.fromEntries(Object.entries(cpu).map(([name, used]) => [name, cores(used)]));

function summary(d: Distribution) {
  return { count: d.count, p50: ms(d.p50), p90: ms(d.p90), p95: ms(d.p95), p99: ms(d.p99), max: ms(d.max) };
}
