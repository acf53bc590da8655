import type { INestApplication } from '@nestjs/common';
import { ConfigError, loadPlatformConfig, type PlatformConfig } from '@salesos/config';

export interface RunningService {
  app: INestApplication;
  /** Releases what the service opened besides its application: databases, the store, the transport. */
  close(): Promise<unknown>;
}

/**
 * Runs one service in a process of its own, as Kubernetes does: configured by the environment, reaching the other
 * services through Kafka. Stops cleanly on SIGTERM or SIGINT (leaving its consumer group, so a replacement joins at
 * once); a configuration mistake or a failed start ends the process with one line saying why.
 */
export function runService(name: string, start: (config: PlatformConfig) => Promise<RunningService>): void {
  const main = async (): Promise<void> => {
    const config = loadPlatformConfig();
    if (config.transport !== 'kafka') {
      process.stderr.write(
        `The ${name} service in a process of its own reaches the others through Kafka: set SALESOS_TRANSPORT=kafka.\n`,
      );
      process.exit(2);
    }
    const service = await start(config);
    await service.app.listen(config.port);
    process.stdout.write(
      `SalesOS ${name} is ready on port ${config.port} (Kafka at ${config.kafkaBrokers.join(',')}).\n`,
    );
    const stop = (): void => {
      void service.app
        .close()
        .then(() => service.close())
        .then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  };
  main().catch((error: unknown) => {
    process.stderr.write(
      error instanceof ConfigError ? `${error.message}\n` : `The ${name} service failed to start: ${String(error)}\n`,
    );
    process.exit(1);
  });
}
