import { writeFileSync } from 'node:fs';
import { openApiPath, renderChannelsOpenApi } from './openapi-document';

renderChannelsOpenApi()
  .then((document) => {
    writeFileSync(openApiPath, document);
    process.stdout.write('Wrote services/channels/openapi.json\n');
  })
  .catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });
