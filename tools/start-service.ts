import { ConfigError, loadPlatformConfig } from '@salesos/config';
import { openEventStore } from '@salesos/event-store/factory';
import type { INestApplication } from '@nestjs/common';
import { createLeadsApp, openLeadsDatabase } from '../services/leads/src';
import { createReportingApp } from '../services/reporting/src';
import { openReportingDatabase } from '../services/reporting/src';
import { platformEventHistory } from './platform-app';
import { openPlatformMessaging } from './platform-messaging';
import { openTokenVerifier } from './platform-auth';

const services = ['leads', 'reporting'] as const;
type ServiceName = (typeof services)[number];

/**
 * One service in a process of its own, as Kubernetes runs them: `node -r ./tools/register.cjs tools/start-service.ts
 * <leads|reporting>`, configured by the same environment as `npm start` (with SALESOS_TRANSPORT=kafka between
 * processes).
 */
async function main(): Promise<void> {
  const name = process.argv[2] as ServiceName;
  if (!services.includes(name)) {
    process.stderr.write(`Usage: tools/start-service.ts <${services.join('|')}>\n`);
    process.exit(2);
  }
  const config = loadPlatformConfig();
  if (config.transport !== 'kafka') {
    process.stderr.write(
      'A service in a process of its own reaches the others through Kafka: set SALESOS_TRANSPORT=kafka.\n',
    );
    process.exit(2);
  }
  const messaging = openPlatformMessaging(config);
  const store = await openEventStore(config.eventStore);
  let app: INestApplication;
  let close: () => Promise<unknown>;
  if (name === 'leads') {
    const database = await openLeadsDatabase(config.leadsDatabase);
    app = await createLeadsApp({
      store,
      database,
      viewsLock: messaging.relayLock(),
      publishing: { transport: messaging.transport, lock: messaging.relayLock() },
      consuming: { transport: messaging.transport },
      auth: openTokenVerifier(config),
    });
    close = () => Promise.all([store.close(), database.destroy()]);
  } else {
    const readModels = await openReportingDatabase(config.readModels);
    app = await createReportingApp({
      dataSource: readModels,
      consuming: { transport: messaging.transport },
      history: platformEventHistory(store),
      auth: openTokenVerifier(config),
    });
    close = () => Promise.all([store.close(), readModels.destroy()]);
  }
  await app.listen(config.port);
  process.stdout.write(
    `SalesOS ${name} is ready on port ${config.port} (Kafka at ${config.kafkaBrokers.join(',')}).\n`,
  );
  const stop = (): void => {
    void app
      .close()
      .then(close)
      .then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(
    error instanceof ConfigError ? `${error.message}\n` : `The service failed to start: ${String(error)}\n`,
  );
  process.exit(1);
});
