import { readFileSync } from 'node:fs';
import { openApiPath, renderReportingOpenApi } from '../scripts/openapi-document';

describe('reporting OpenAPI document', () => {
  it('is current: regenerate with `npm run openapi:reporting` after changing the API', async () => {
    const document = await renderReportingOpenApi();
    expect(readFileSync(openApiPath, 'utf8')).toBe(document);
    expect(Object.keys((JSON.parse(document) as { paths: Record<string, unknown> }).paths).sort()).toEqual([
      '/admin/projections/rebuilds/{rebuildId}',
      '/admin/projections/{name}/rebuild',
      '/health/live',
      '/health/ready',
      '/metrics',
      '/reports/channels',
      '/reports/dealers',
      '/reports/dealers/{dealerId}/deals',
      '/reports/deals',
      '/reports/funnel',
      '/reports/key-customers',
      '/reports/lead-sources',
      '/reports/outcomes',
      '/reports/pipeline',
      '/reports/stages',
    ]);
  });
});
