import { demoSignInFor, openTokenVerifier } from '@salesos/auth';
import type { PlatformConfig } from '@salesos/config';
import { type RunningService, runService } from '@salesos/http';
import { kafkaMessaging } from '@salesos/messaging';
import { createReportingApp } from './reporting-app';
import { openReportingDatabase } from './reporting-database';
import { prepareDashboard } from './dashboard';

/**
 * The reporting service alone: its read models' database, the published topics it reads and rebuilds from, and the
 * dashboard at `/` (with the demo users' sign-in in the embedded mode).
 */
export async function startReportingService(config: PlatformConfig): Promise<RunningService> {
  const { transport } = kafkaMessaging(config, 'salesos-reporting');
  const readModels = await openReportingDatabase(config.readModels);
  const app = await createReportingApp({
    dataSource: readModels,
    consuming: { transport },
    auth: openTokenVerifier(config),
    dashboard: await prepareDashboard(),
    demoSignIn: demoSignInFor(config),
  });
  return { app, close: () => Promise.all([readModels.destroy(), transport.close()]) };
}

if (require.main === module) runService('reporting', startReportingService);
