import { join } from 'node:path';
import { MemoryEventStore } from '@salesos/event-store';
import { createChannelsApp, channelsOpenApi } from '../src/channels-app';
import { testAuth } from '@salesos/auth/testing';

export const openApiPath = join(__dirname, '..', 'openapi.json');

/** The OpenAPI document as the service serves it at /docs/openapi.json. */
export async function renderChannelsOpenApi(): Promise<string> {
  const app = await createChannelsApp({ auth: testAuth.verifier, store: new MemoryEventStore() });
  await app.init();
  try {
    return `${JSON.stringify(channelsOpenApi(app), null, 2)}\n`;
  } finally {
    await app.close();
  }
}
