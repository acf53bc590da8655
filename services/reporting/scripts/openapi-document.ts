import { join } from 'node:path';
import { InProcessTransport, silentLogger } from '@salesos/messaging';
import { createReportingApp, reportingOpenApi } from '../src/reporting-app';
import { openReportingDatabase } from '../src/reporting-database';
import { testAuth } from '@salesos/auth/testing';

export const openApiPath = join(__dirname, '..', 'openapi.json');

/** The OpenAPI document as the service serves it at /docs/openapi.json, rebuild endpoints included. */
export async function renderReportingOpenApi(): Promise<string> {
  const dataSource = await openReportingDatabase({ kind: 'sqlite', filename: ':memory:' });
  const app = await createReportingApp({
    auth: testAuth.verifier,
    dataSource,
    logger: silentLogger,
    consuming: { transport: new InProcessTransport() },
  });
  await app.init();
  try {
    return `${JSON.stringify(reportingOpenApi(app), null, 2)}\n`;
  } finally {
    await app.close();
    await dataSource.destroy();
  }
}
