/**
 * Deal registrations through the channels service's HTTP API, each by a dealer's user for its own dealer, counted once
 * the leads service's answer is recorded (see registration-answers.ts). Every registration names a company of its
 * own, so the leads service finds no lead or deal of it and accepts it by its first-come rule.
 */
import type { HttpAnswer, LoopbackHttp } from './leads-http';
import { measureThroughput, type Throughput } from './load';
import { type Distribution, distribution } from './messaging-timing';
import { OrderedQueue, type PacedShape, type PacedSlot, type PacingPlan, pacingPlan, runPaced } from './pacing';
import { formatRate, progress } from './progress';
import type { DealerClient } from './channels-setup';
import type { RegistrationAnswers } from './registration-answers';

export interface Failures {
  count: number;
  samples: string[];
}

export interface RegistrationRun {
  channels: LoopbackHttp;
  answers: RegistrationAnswers;
  clients: readonly DealerClient[];
  runId: string;
  /** How long a registration may wait for its answer before it counts as never answered. */
  answerTimeoutMs: number;
  failures: Failures;
  /** Every registration answered, for the check through the API afterwards. */
  answered: string[];
}

export interface ClosedLoopResult extends Throughput {
  /** From the submission to the recorded answer, of those answered inside the timed window. */
  answerMs: Distribution;
}

export interface OpenLoopResult {
  targetRatePerSecond: number;
  offered: number;
  answered: number;
  neverAnswered: number;
  errors: number;
  achievedRatePerSecond: number;
  /** From the scheduled send to the recorded answer; never-answered registrations count as slower than any. */
  answerMs: Distribution;
  /** From the scheduled send to the 201 of the submission. */
  submitMs: Distribution;
  scheduleLagMs: Distribution;
}

let sequence = 0;

/** Submits one registration; its id, or undefined after noting why it failed. */
export async function submitRegistration(run: RegistrationRun, client: DealerClient): Promise<string | undefined> {
  sequence += 1;
  const body = {
    companyName: `Prospect ${run.runId} ${client.index}-${sequence} Industrial GmbH`,
    estimatedValue: { amount: 120_000, currency: 'EUR' },
  };
  const answer: HttpAnswer = await run.channels
    .send('POST', '/registrations', client.headers, body)
    .catch((error: unknown) => ({ status: 0, body: `no answer: ${String(error)}`, etag: undefined }));
  if (answer.status === 201) return (JSON.parse(answer.body) as { registrationId: string }).registrationId;
  fail(run.failures, `POST /registrations: ${answer.status} ${answer.body.slice(0, 300)}`);
  return undefined;
}

function fail(failures: Failures, sample: string): void {
  failures.count += 1;
  if (failures.samples.length < 5) {
    failures.samples.push(sample);
    progress(`error: ${sample}`);
  }
}

async function answerOf(run: RegistrationRun, registrationId: string, timeoutMs = run.answerTimeoutMs) {
  const answer = await run.answers.answer(registrationId, timeoutMs);
  if (answer === undefined) fail(run.failures, `registration ${registrationId} not answered within ${timeoutMs} ms`);
  else run.answered.push(registrationId);
  return answer;
}

/** Each client submits, waits for the answer, and submits again: the most registrations answered per second. */
export async function measureAnsweredRate(
  run: RegistrationRun,
  shape: { seconds: number; warmupSeconds: number },
): Promise<ClosedLoopResult> {
  const latencies: Array<{ answeredAt: number; ms: number }> = [];
  const windowStart = performance.now() + shape.warmupSeconds * 1000;
  const throughput = await measureThroughput(
    { label: `registrations_answered_per_s_${run.clients.length}`, writers: run.clients.length, ...shape },
    (writer) => async () => {
      const client = run.clients[writer] as DealerClient;
      const sentAt = performance.now();
      const registrationId = await submitRegistration(run, client);
      if (registrationId === undefined) return 0;
      const answer = await answerOf(run, registrationId);
      if (answer === undefined) return 0;
      latencies.push({ answeredAt: answer.at, ms: answer.at - sentAt });
      return 1;
    },
  );
  const windowEnd = windowStart + shape.seconds * 1000;
  const inWindow = latencies.filter(({ answeredAt }) => answeredAt >= windowStart && answeredAt <= windowEnd);
  return { ...throughput, answerMs: distribution(inWindow.map(({ ms }) => ms)) };
}

/**
 * Registrations offered on a fixed schedule, dealt round-robin to the clients; a client does not wait for an answer
 * before its next submission, as a dealer's user does not. Latency runs from the scheduled send to the recorded answer.
 */
export async function measureAnswerLatency(
  run: RegistrationRun,
  shape: PacedShape & { drainSeconds: number },
  abort: () => string | undefined,
): Promise<OpenLoopResult> {
  progress(
    `half rate: ${shape.warmupSeconds} s warm-up then ${shape.seconds} s at ${formatRate(shape.ratePerSecond)} ` +
      `registrations/s over ${run.clients.length} clients`,
  );
  const plan = pacingPlan(shape, performance.now() + 10);
  const outcomes: Array<Promise<Outcome>> = [];
  const send = async (client: DealerClient, slot: PacedSlot): Promise<void> => {
    const registrationId = await submitRegistration(run, client);
    const submittedAt = performance.now();
    if (!slot.measured) return;
    if (registrationId === undefined) {
      outcomes.push(Promise.resolve({ dueAt: slot.dueAt, failed: true }));
      return;
    }
    const timeoutMs = plan.windowStart + (shape.seconds + shape.drainSeconds) * 1000 - submittedAt;
    const answered = answerOf(run, registrationId, Math.max(timeoutMs, 1));
    outcomes.push(answered.then((answer) => ({ dueAt: slot.dueAt, submittedAt, answeredAt: answer?.at })));
  };
  const queues = run.clients.map((client) => new OrderedQueue<PacedSlot>((slot) => send(client, slot)));
  const lags = await runPaced(plan, (slot) => queues[slot.index % queues.length]?.push(slot), abort);
  await Promise.all(queues.map((queue) => queue.idle()));
  progress('half rate: last registration sent, waiting for the last answers');
  const result = summarize(plan, shape.ratePerSecond, await Promise.all(outcomes), lags);
  progress(
    `half rate: ${result.answered} answered of ${result.offered} offered, achieved ` +
      `${formatRate(result.achievedRatePerSecond)}/s, p50 ${result.answerMs.p50.toFixed(1)} ms, ` +
      `p99 ${result.answerMs.p99.toFixed(1)} ms, ${result.neverAnswered} never answered, ${result.errors} error(s)`,
  );
  return result;
}

type Outcome = { dueAt: number; failed: true } | { dueAt: number; submittedAt: number; answeredAt: number | undefined };

function summarize(plan: PacingPlan, targetRatePerSecond: number, outcomes: Outcome[], lags: number[]): OpenLoopResult {
  const answerMs: number[] = [];
  const submitMs: number[] = [];
  let neverAnswered = 0;
  let errors = 0;
  let lastAnswerAt = plan.windowStart;
  for (const outcome of outcomes) {
    if ('failed' in outcome) {
      errors += 1;
      continue;
    }
    submitMs.push(outcome.submittedAt - outcome.dueAt);
    if (outcome.answeredAt === undefined) {
      neverAnswered += 1;
      answerMs.push(Number.POSITIVE_INFINITY);
    } else {
      answerMs.push(outcome.answeredAt - outcome.dueAt);
      lastAnswerAt = Math.max(lastAnswerAt, outcome.answeredAt);
    }
  }
  const answered = answerMs.length - neverAnswered;
  return {
    targetRatePerSecond,
    offered: plan.offered,
    answered,
    neverAnswered,
    errors,
    achievedRatePerSecond: answered / ((lastAnswerAt - plan.windowStart) / 1000),
    answerMs: distribution(answerMs),
    submitMs: distribution(submitMs),
    scheduleLagMs: distribution(lags),
  };
}
