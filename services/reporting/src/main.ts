import { openTokenVerifier } from '@salesos/auth';
import type { PlatformConfig } from '@salesos/config';
import { type RunningService, runService } from '@salesos/http';
import { kafkaMessaging } from '@salesos/messaging';
import { createReportingApp } from './reporting-app';
import { openReportingDatabase } from './reporting-database';

/** The reporting service alone: its read models' database, and the published topics it reads and rebuilds from. */
export async function startReportingService(config: PlatformConfig): Promise<RunningService> {
  const { transport } = kafkaMessaging(config, 'salesos-reporting');
  const readModels = await openReportingDatabase(config.readModels);
  const app = await createReportingApp({
    dataSource: readModels,
    consuming: { transport },
    auth: openTokenVerifier(config),
  });
  return { app, close: () => Promise.all([readModels.destroy(), transport.close()]) };
}

if (require.main === module) runService('reporting', startReportingService);
