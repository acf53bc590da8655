import { writeFileSync } from 'node:fs';
import { openApiPath, renderReportingOpenApi } from './openapi-document';

renderReportingOpenApi()
  .then((document) => {
    writeFileSync(openApiPath, document);
    process.stdout.write('Wrote services/reporting/openapi.json\n');
  })
  .catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });
