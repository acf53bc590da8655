import { join } from 'node:path';
import { MemoryEventStore } from '@salesos/event-store';
import { testAuth } from '@salesos/auth/testing';
import { createStaffingApp, staffingOpenApi } from '../src/staffing-app';

export const openApiPath = join(__dirname, '..', 'openapi.json');

/** The OpenAPI document as the service serves it at /docs/openapi.json. */
export async function renderStaffingOpenApi(): Promise<string> {
  const app = await createStaffingApp({ auth: testAuth.verifier, store: new MemoryEventStore() });
  await app.init();
  try {
    return `${JSON.stringify(staffingOpenApi(app), null, 2)}\n`;
  } finally {
    await app.close();
  }
}
