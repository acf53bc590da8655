/**
 * One service in a process of its own, started exactly as `tools/start-service.ts` starts it, except that its topics
 * and consumer groups carry the run's id (SALESOS_BENCH_RUN_ID): `node -r ./tools/register.cjs
 * bench/lib/run-scoped-service.ts <leads|channels>`.
 */
import type { PlatformConfig } from '@salesos/config';
import { type RunningService, runService } from '@salesos/http';
import { relayLockFor, type ServiceMessaging } from '@salesos/messaging';
import { startChannelsService } from '../../services/channels/src';
import { startLeadsService } from '../../services/leads/src';
import { RunScope, RunScopedKafkaTransport } from '@salesos/messaging/testing';

const starters = { leads: startLeadsService, channels: startChannelsService };
export type RunScopedServiceName = keyof typeof starters;

function runScopedMessaging(config: PlatformConfig, name: string, runId: string): ServiceMessaging {
  return {
    transport: new RunScopedKafkaTransport(
      { brokers: config.kafkaBrokers, clientId: `salesos-${name}` },
      new RunScope(runId),
    ),
    relayLock: () => relayLockFor(config),
  };
}

if (require.main === module) {
  const name = process.argv[2] ?? '';
  const runId = process.env.SALESOS_BENCH_RUN_ID ?? '';
  if (!(name in starters) || runId === '') {
    process.stderr.write(
      `Usage: SALESOS_BENCH_RUN_ID=<id> run-scoped-service.ts <${Object.keys(starters).join('|')}>\n`,
    );
    process.exit(2);
  }
  const start = starters[name as RunScopedServiceName];
  runService(name, (config): Promise<RunningService> => start(config, runScopedMessaging(config, name, runId)));
}
