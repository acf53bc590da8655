import { csvLine } from '@salesos/http';
import type { Response } from 'express';

/** One page of a list, as the features' list ports answer it. */
export interface ExportPage<Item> {
  items: readonly Item[];
  total: number;
}

/**
 * Streams a list as a CSV attachment, a batch of rows at a time. The first batch is read before answering, so a
 * failing query is still a problem+json and not a cut-off file.
 */
export async function writeCsvExport<Item>(
  response: Response,
  options: {
    filename: string;
    columns: readonly string[];
    row: (item: Item) => ReadonlyArray<string | number | undefined>;
    batchSize: number;
    page: (offset: number, count: number) => Promise<ExportPage<Item>>;
  },
): Promise<void> {
  const { batchSize, page } = options;
  let batch = await page(0, batchSize);
  response.status(200).type('text/csv').setHeader('Content-Disposition', `attachment; filename="${options.filename}"`);
  response.write(csvLine(options.columns));
  for (let offset = 0; ;) {
    for (const item of batch.items) response.write(csvLine(options.row(item)));
    offset += batch.items.length;
    if (batch.items.length < batchSize || offset >= batch.total) break;
    batch = await page(offset, batchSize);
  }
  response.end();
}
