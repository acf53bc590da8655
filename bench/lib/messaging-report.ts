import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ConsumeCeiling, ProduceCeiling } from './messaging-ceilings';
import type { MessagingBenchConfig } from './messaging-config';
import type { E2eResult } from './messaging-latency';
import type { ConsumerResult, RelayResult } from './messaging-throughput';
import type { Distribution } from './messaging-timing';

export interface MessagingMeasurements {
  seedEventsPerSecond: number;
  relay: RelayResult;
  bareProduce: ProduceCeiling;
  consumer: ConsumerResult;
  bareConsume: ConsumeCeiling;
  e2e: E2eResult;
  /** Records on the relay's and the ceiling's topics afterwards: both must equal the events seeded. */
  topicRecords: { relay: number; bareProduce: number };
  peakRssMb: number;
}

export interface MessagingRunInfo {
  date: string;
  nodeVersion: string;
  postgresVersion: string;
  kafkaVersion: string;
  kafkajsVersion: string;
  cpuCount: number;
  config: MessagingBenchConfig;
  recordBytes: { key: number; value: number; headers: number };
}

const targets = { ratio_relay: 0.6, ratio_consumer: 0.5, e2e_p99_ms: 250 } as const;

export type MessagingReport = ReturnType<typeof buildMessagingReport>;

export function buildMessagingReport(m: MessagingMeasurements, info: MessagingRunInfo) {
  const ratioRelay = m.relay.eventsPerSecond / m.bareProduce.eventsPerSecond;
  const ratioConsumer = m.consumer.eventsPerSecond / m.bareConsume.eventsPerSecond;
  const met = {
    ratio_relay: ratioRelay >= targets.ratio_relay,
    ratio_consumer: ratioConsumer >= targets.ratio_consumer,
    e2e_p99_ms: m.e2e.latency.p99 < targets.e2e_p99_ms && m.e2e.missing === 0,
  };
  return {
    relay_events_per_s: rate(m.relay.eventsPerSecond),
    bare_produce_per_s: rate(m.bareProduce.eventsPerSecond),
    consumer_events_per_s: rate(m.consumer.eventsPerSecond),
    bare_consume_per_s: rate(m.bareConsume.eventsPerSecond),
    ratio_relay: ratio(ratioRelay),
    ratio_consumer: ratio(ratioConsumer),
    e2e_p50_ms: ms(m.e2e.latency.p50),
    e2e_p99_ms: ms(m.e2e.latency.p99),
    e2e_max_ms: ms(m.e2e.latency.max),
    e2e_count: m.e2e.latency.count,
    e2e_missing: m.e2e.missing,
    seed_events_per_s: rate(m.seedEventsPerSecond),
    peak_rss_mb: Math.round(m.peakRssMb * 10) / 10,
    targets: {
      ratio_relay: `>= ${targets.ratio_relay}`,
      ratio_consumer: `>= ${targets.ratio_consumer}`,
      e2e_p99_ms: `< ${targets.e2e_p99_ms}`,
    },
    targets_met: { ...met, all: met.ratio_relay && met.ratio_consumer && met.e2e_p99_ms },
    breakdown: {
      relay: relayBreakdown(m.relay),
      bare_produce: produceBreakdown(m.bareProduce),
      consumer: consumerBreakdown(m.consumer),
      bare_consume: consumeBreakdown(m.bareConsume),
      e2e: e2eBreakdown(m.e2e),
    },
    metadata: metadata(m, info),
  };
}

function relayBreakdown(r: RelayResult) {
  const total = r.seconds * 1000;
  return {
    seconds: seconds(r.seconds),
    events: r.events,
    batches: r.batches,
    client_cpu_cores: cores(r.clientCpuCores),
    startup_ms: ms(r.startupMs),
    read_ms: ms(r.readMs),
    send_ms: ms(r.sendMs),
    checkpoint_ms: ms(r.checkpointMs),
    other_ms: ms(r.otherMs),
    share: {
      read: share(r.readMs, total),
      send: share(r.sendMs, total),
      checkpoint: share(r.checkpointMs, total),
      other: share(r.otherMs, total),
    },
    per_batch_ms: {
      read: ms(r.readMs / r.batches),
      send: ms(r.sendMs / r.batches),
      checkpoint: ms(r.checkpointMs / r.batches),
      other: ms(r.otherMs / r.batches),
    },
  };
}

function produceBreakdown(p: ProduceCeiling) {
  return {
    seconds: seconds(p.seconds),
    events: p.events,
    sends: p.sends,
    client_cpu_cores: cores(p.clientCpuCores),
    startup_ms: ms(p.startupMs),
    send_ms: ms(p.sendMs),
    per_send_ms: ms(p.sendMs / p.sends),
  };
}

function consumerBreakdown(c: ConsumerResult) {
  const total = c.seconds * 1000;
  const decodeAndOther = c.batchHandlerMs - c.inboxTransactionMs - c.offsetCommitMs;
  return {
    seconds: seconds(c.seconds),
    events: c.events,
    effect_rows: c.effectRows,
    batches: c.batches,
    mean_batch_records: Math.round(c.events / c.batches),
    client_cpu_cores: cores(c.clientCpuCores),
    startup_ms: ms(c.startupMs),
    batch_handler_ms: ms(c.batchHandlerMs),
    inbox_transaction_ms: ms(c.inboxTransactionMs),
    effect_statements_ms: ms(c.effectStatementsMs),
    offset_commit_ms: ms(c.offsetCommitMs),
    decode_validate_other_ms: ms(decodeAndOther),
    fetch_and_other_ms: ms(c.fetchAndOtherMs),
    share: {
      startup: share(c.startupMs, total),
      inbox_transaction: share(c.inboxTransactionMs, total),
      of_which_effect_statements: share(c.effectStatementsMs, total),
      offset_commit: share(c.offsetCommitMs, total),
      decode_validate_other: share(decodeAndOther, total),
      fetch_and_other: share(c.fetchAndOtherMs, total),
    },
    per_event_us: {
      inbox_transaction: us(c.inboxTransactionMs / c.events),
      effect_statement: us(c.effectStatementsMs / c.events),
    },
  };
}

function consumeBreakdown(c: ConsumeCeiling) {
  return {
    seconds: seconds(c.seconds),
    events: c.events,
    batches: c.batches,
    mean_batch_records: Math.round(c.events / c.batches),
    client_cpu_cores: cores(c.clientCpuCores),
    startup_ms: ms(c.startupMs),
  };
}

function e2eBreakdown(e: E2eResult) {
  return {
    latency_ms: dist(e.latency),
    committed_ms: dist(e.committed),
    stages_ms: {
      append: dist(e.append),
      append_to_broker_ack: dist(e.appendToAck),
      broker_ack_to_effect: dist(e.ackToEffect),
    },
    schedule_lag_ms: dist(e.scheduleLag),
    offered: e.offered,
    measured: e.measured,
    missing: e.missing,
    append_errors: e.appendErrors,
    achieved_rate_per_s: rate(e.achievedRatePerSecond),
    client_cpu_cores: cores(e.clientCpuCores),
  };
}

function metadata(m: MessagingMeasurements, info: MessagingRunInfo) {
  const { config } = info;
  return {
    date: info.date,
    node_version: info.nodeVersion,
    postgres_version: info.postgresVersion,
    kafka_broker_version: info.kafkaVersion,
    kafkajs_version: info.kafkajsVersion,
    cpu_count: info.cpuCount,
    partitions: config.partitions,
    events: config.events,
    aggregates: config.aggregates,
    relay_batch_size: config.relayBatchSize,
    produce_batch_size: config.produceBatchSize,
    seed_events_per_append: config.seed.eventsPerAppend,
    relay_poll_interval_ms: config.relayPollIntervalMs,
    consumer_max_wait_ms: config.consumerMaxWaitMs,
    warmup_records: config.warmupRecords,
    e2e: {
      rate_per_s: config.e2e.ratePerSecond,
      seconds: config.e2e.seconds,
      warmup_seconds: config.e2e.warmupSeconds,
      aggregates: config.e2e.aggregates,
    },
    record_bytes: info.recordBytes,
    topic_records: { relay: m.topicRecords.relay, bare_produce: m.topicRecords.bareProduce },
    notes: notes(config),
  };
}

function notes(config: MessagingBenchConfig): Record<string, string> {
  return {
    setup:
      `One fresh PostgreSQL database and fresh topics of ${config.partitions} partitions per run, all on the same ` +
      'single-node broker; topics, consumer groups and the database are removed at the end. Every kafkajs client ' +
      'first warms up on a topic of its own, so no measurement pays for cold code.',
    seed:
      `${config.events} OrderPlaced events (the messaging test fixture, with a short note) appended ` +
      `${config.seed.eventsPerAppend} per append by ${config.seed.writers} writers, the appends rotating over ` +
      `${config.aggregates} order streams; then VACUUM ANALYZE and CHECKPOINT.`,
    relay:
      `Relay (batch size ${config.relayBatchSize}, InProcessRelayLock, KafkaTransport) from checkpoint 0, timed ` +
      'from start() until its checkpoint reaches the last seeded position (producer connect included). Its store ' +
      'and transport go through thin timing decorators that split the wall time into readAll, producer.send ' +
      'and storeCheckpoint; other = mapping, contract validation, CloudEvents encoding and event-loop gaps.',
    bare_produce:
      'Ceiling: the same records (same keys, values and CloudEvents headers, built beforehand with orderMapper ' +
      `and toEventRecord from the events read from the store) sent ${config.produceBatchSize} per send, one send ` +
      'after the other, by a bare kafkajs producer (idempotent, maxInFlightRequests 1, acks -1) into another ' +
      'topic with the same partitions; timed from connect to the last acknowledgement.',
    consumer:
      'ConsumerRunner (KafkaTransport, TypeOrmInbox on the bench database, a batch handler inserting one row per ' +
      "event, all of a batch's new events in one multi-row INSERT through the inbox transaction) in a new group " +
      'reading the relay topic from the beginning; timed ' +
      "from start() (group join included) until its processed counter reaches the event count; the effects table's " +
      'row count is checked afterwards.',
    bare_consume:
      `Ceiling: a bare kafkajs consumer (eachBatch, maxWaitTimeInMs ${config.consumerMaxWaitMs}, manual ` +
      'resolveOffset + commitOffsets at the end of each batch) in a new group reading the same topic from the ' +
      'beginning and only counting; timed from connect (group join included) until it counted every record.',
    e2e:
      `${config.e2e.ratePerSecond} events/s appended one per PostgresEventStore.append on a fixed open-loop ` +
      `schedule over ${config.e2e.aggregates} order streams: ${config.e2e.warmupSeconds} s warm-up, then ` +
      `${config.e2e.seconds} s measured, with a live relay (poll ${config.relayPollIntervalMs} ms) on a fresh topic ` +
      'and a live consumer runner. Latency per event: performance.now() just before the append call to the end ' +
      "of the handler's INSERT (matched by event id, same process); committed_ms runs to the inbox transaction's " +
      'commit. Stages: append call, append return to broker ack of the relay send, broker ack to effect. ' +
      'schedule_lag_ms: how late each append started against its slot (negative: up to 1 ms early, the timer ' +
      'granularity).',
  };
}

export async function writeMessagingReport(path: string, report: MessagingReport): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(report, null, 2)}\n`);
}

export function formatMessagingTable(report: MessagingReport): string {
  const { breakdown: b, metadata: meta } = report;
  const rows: [string, string, string][] = [
    ['relay_events_per_s', count(report.relay_events_per_s), `events/s ${client(b.relay.client_cpu_cores)}`],
    ['bare_produce_per_s', count(report.bare_produce_per_s), `events/s ${client(b.bare_produce.client_cpu_cores)}`],
    ['ratio_relay', report.ratio_relay.toFixed(3), verdict(report, 'ratio_relay')],
    ['consumer_events_per_s', count(report.consumer_events_per_s), `events/s ${client(b.consumer.client_cpu_cores)}`],
    ['bare_consume_per_s', count(report.bare_consume_per_s), `events/s ${client(b.bare_consume.client_cpu_cores)}`],
    ['ratio_consumer', report.ratio_consumer.toFixed(3), verdict(report, 'ratio_consumer')],
    ['e2e_p50_ms', report.e2e_p50_ms.toFixed(1), 'ms'],
    ['e2e_p99_ms', report.e2e_p99_ms.toFixed(1), `ms, ${verdict(report, 'e2e_p99_ms')}`],
    [
      'e2e_max_ms',
      report.e2e_max_ms.toFixed(1),
      `ms over ${count(report.e2e_count)} events, ${report.e2e_missing} missing`,
    ],
    ['seed_events_per_s', count(report.seed_events_per_s), `events/s (${meta.seed_events_per_append} per append)`],
    ['peak_rss_mb', report.peak_rss_mb.toFixed(1), 'MB'],
  ];
  const nameWidth = Math.max(...rows.map(([name]) => name.length));
  const valueWidth = Math.max(...rows.map(([, value]) => value.length));
  const lines = rows.map(([name, value, unit]) =>
    `  ${name.padEnd(nameWidth)}  ${value.padStart(valueWidth)}  ${unit}`.trimEnd(),
  );
  return [
    'SalesOS messaging benchmark',
    `  ${meta.date} | PostgreSQL ${meta.postgres_version} | Kafka ${meta.kafka_broker_version} | ` +
      `Node ${meta.node_version} | ${meta.cpu_count} CPUs | ${count(meta.events)} events, ` +
      `${meta.partitions} partitions, batches of ${meta.relay_batch_size}`,
    '',
    ...lines,
    '',
    ...breakdownLines(report),
    '',
    `  targets ${report.targets_met.all ? 'all met' : 'NOT all met'}`,
  ].join('\n');
}

function breakdownLines({ breakdown: b }: MessagingReport): string[] {
  const { relay, consumer, e2e } = b;
  const pct = (value: number): string => `${Math.round(value * 100)}%`;
  return [
    `  relay time (${relay.seconds} s, ${relay.batches} batches): read ${pct(relay.share.read)} ` +
      `(${relay.per_batch_ms.read} ms/batch), send ${pct(relay.share.send)} (${relay.per_batch_ms.send} ms), ` +
      `checkpoint ${pct(relay.share.checkpoint)} (${relay.per_batch_ms.checkpoint} ms), ` +
      `other ${pct(relay.share.other)} (${relay.per_batch_ms.other} ms); bare send ${b.bare_produce.per_send_ms} ms`,
    `  consumer time (${consumer.seconds} s, ${consumer.batches} batches of ~${consumer.mean_batch_records}): ` +
      `inbox tx ${pct(consumer.share.inbox_transaction)} (INSERTs ${pct(consumer.share.of_which_effect_statements)}, ` +
      `${consumer.per_event_us.effect_statement} us each), offset commits ${pct(consumer.share.offset_commit)}, ` +
      `decode/validate ${pct(consumer.share.decode_validate_other)}, fetch/other ${pct(consumer.share.fetch_and_other)}, ` +
      `startup ${pct(consumer.share.startup)} (stage times are summed over partitions handled at the same time, ` +
      'so shares can pass 100% and the remainder go below 0)',
    `  e2e stages p50/p99 ms: append ${e2e.stages_ms.append.p50}/${e2e.stages_ms.append.p99}, ` +
      `to broker ack ${e2e.stages_ms.append_to_broker_ack.p50}/${e2e.stages_ms.append_to_broker_ack.p99}, ` +
      `ack to effect ${e2e.stages_ms.broker_ack_to_effect.p50}/${e2e.stages_ms.broker_ack_to_effect.p99}; ` +
      `committed p99 ${e2e.committed_ms.p99}; schedule lag p99 ${e2e.schedule_lag_ms.p99}; ` +
      `${e2e.achieved_rate_per_s} events/s offered`,
  ];
}

type TargetName = keyof typeof targets;

function verdict(report: MessagingReport, name: TargetName): string {
  return `target ${report.targets[name]}: ${report.targets_met[name] ? 'met' : 'MISSED'}`;
}

function dist(d: Distribution) {
  return { count: d.count, p50: ms(d.p50), p90: ms(d.p90), p99: ms(d.p99), max: ms(d.max), mean: ms(d.mean) };
}

function client(cores: number): string {
  return `(client ${cores.toFixed(2)} cores)`;
}

function rate(perSecond: number): number {
  return perSecond >= 100 ? Math.round(perSecond) : Math.round(perSecond * 10) / 10;
}

function ratio(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function ms(value: number): number {
  return Math.round(value * 10) / 10;
}

function us(milliseconds: number): number {
  return Math.round(milliseconds * 10_000) / 10;
}

function seconds(value: number): number {
  return Math.round(value * 100) / 100;
}

function cores(value: number): number {
  return Math.round(value * 100) / 100;
}

function share(part: number, total: number): number {
  return Math.round((part / total) * 1000) / 1000;
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}
