import { writeFileSync } from 'node:fs';
import { openApiPath, renderStaffingOpenApi } from './openapi-document';

renderStaffingOpenApi()
  .then((document) => {
    writeFileSync(openApiPath, document);
    process.stdout.write('Wrote services/staffing/openapi.json\n');
  })
  .catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });
