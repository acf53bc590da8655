import { type FaultRunReport, runFaults } from './testing/fault-run';

/**
 * The fault suite: leads and reporting in processes of their own on PostgreSQL and a Kafka broker of the suite's own,
 * commands flowing through the leads API with Idempotency-Keys and retries, a `kill -9` of a service at random
 * points (at least ten), and the broker stopped and started again; afterwards every accepted command is stored once,
 * every stored event published, the read models equal a rebuild, nothing is dead-lettered or parked, no lag is left
 * and every captured lead has an owner. `FAULT_SEED=<seed>` replays a schedule; `npm run bench:faults` runs the same
 * for longer and harder.
 */
const seed = Number(process.env.FAULT_SEED ?? Math.floor(Math.random() * 2 ** 31));
const loadSeconds = 45;

jest.setTimeout(900_000);

describe('the platform under faults: kill -9 of each service and a broker outage while commands flow', () => {
  let report: FaultRunReport;

  beforeAll(async () => {
    process.stdout.write(`fault suite seed ${seed}: replay with FAULT_SEED=${seed}\n`);
    report = await runFaults({
      seed,
      loadSeconds,
      commandsPerSecond: 8,
      // Each kill hits a process that serves, 1 to 4 s after it was ready; at least ten kills, however long it takes.
      killEverySeconds: [1, 4],
      alternate: false,
      killOnlyWhenReady: { minKills: 10 },
      brokerOutage: { atSecond: 20, seconds: 10 },
      log: (message) => process.stdout.write(`[faults] ${message}\n`),
      progressEverySeconds: 20,
    });
    process.stdout.write(
      `[faults] seed ${seed}: ${JSON.stringify({ ...report, commandsRefused: report.commandsRefused.length })}\n`,
    );
  });

  it(`killed each service with SIGKILL at least ten times in all, and each came back ready (seed ${seed})`, () => {
    expect(report.kills.length).toBeGreaterThanOrEqual(10);
    expect(new Set(report.kills.map((kill) => kill.service))).toEqual(new Set(['leads', 'reporting']));
    const ready = report.kills.map((kill) => kill.readyMs ?? Number.POSITIVE_INFINITY);
    // Wall time depends on the machine: on a shared one a restarted process mostly waits for a CPU (the 5 s target
    // is the benchmark's, on a machine with a core to spare). The bound catches a restart that hangs; the CPU a
    // restart uses (about 3 s) catches one that does more than it should, whatever the machine's load.
    expect(Math.max(...ready)).toBeLessThan(120_000);
    expect(Math.max(...report.kills.map((kill) => kill.cpuMs ?? Number.POSITIVE_INFINITY))).toBeLessThan(10_000);
    expect(report.brokerOutage.downSeconds).toBeGreaterThanOrEqual(10);
  });

  it(`answered every command 2xx, and stored each exactly once (seed ${seed})`, () => {
    expect(report.commandsAccepted).toBeGreaterThan(loadSeconds * 4);
    expect(report.commandsRefused.map((record) => `${record.kind} ${record.status} ${record.answer ?? ''}`)).toEqual(
      [],
    );
    expect(report.findings.filter((finding) => finding.startsWith('commands answered 2xx'))).toEqual([]);
    expect(report.eventsLost).toBe(0);
    expect(report.eventsDoubled).toBe(0);
  });

  it(`published every stored event, and the read models equal a rebuild from the topics (seed ${seed})`, () => {
    expect(report.findings).toEqual([]);
    expect(report.readModelRows).toBeGreaterThan(0);
    expect(report.readModelRowsDifferingFromRebuild).toBe(0);
    expect(report.convergenceSecondsAfterBrokerBack).toBeLessThan(60);
  });

  it(`left nothing dead-lettered, parked or lagging, and no captured lead without an owner (seed ${seed})`, () => {
    expect(report.deadLetters).toBe(0);
    expect(report.parkedEvents).toBe(0);
    expect(report.consumerLagAtEnd).toBe(0);
    expect(report.relayLagAtEnd).toBe(0);
    expect(report.unassignedCaptures).toBe(0);
  });
});
