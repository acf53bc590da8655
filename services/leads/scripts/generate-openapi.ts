import { writeFileSync } from 'node:fs';
import { openApiPath, renderLeadsOpenApi } from './openapi-document';

renderLeadsOpenApi()
  .then((document) => {
    writeFileSync(openApiPath, document);
    process.stdout.write('Wrote services/leads/openapi.json\n');
  })
  .catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });
