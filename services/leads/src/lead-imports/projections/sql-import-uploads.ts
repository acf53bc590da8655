import { Sql, toNumber, toText } from '@salesos/projections';
import type { DataSource } from 'typeorm';
import { ImportUploads, type StoredUpload } from '../application/import-uploads.port';

/**
 * Uploads kept in the service's own database (PostgreSQL, or SQLite embedded), one row per part: each part is
 * written by a statement of its own, so no transaction stays open while a client uploads.
 */
export class SqlImportUploads extends ImportUploads {
  constructor(private readonly db: DataSource) {
    super();
  }

  async begin({
    uploadId,
    importId,
    divisionId,
    at,
  }: {
    uploadId: string;
    importId: string;
    divisionId: string;
    at: Date;
  }): Promise<void> {
    const sql = Sql.for(this.db);
    await sql.run(
      this.db,
      `INSERT INTO leads_import_upload (upload_id, import_id, division_id, complete, bytes, updated_at)
       VALUES (${sql.param(uploadId)}, ${sql.param(importId)}, ${sql.param(divisionId)}, 0, 0, ${sql.param(at.toISOString())})`,
    );
  }

  async append(uploadId: string, index: number, data: Buffer, at: Date): Promise<void> {
    await this.db.transaction(async (manager) => {
      const find = Sql.for(manager);
      const [upload] = await find.run(
        manager,
        `SELECT complete FROM leads_import_upload WHERE upload_id = ${find.param(uploadId)}`,
      );
      // An upload removed meanwhile (abandoned, or refused) takes no more parts.
      if (upload === undefined) throw new Error(`No upload ${uploadId}`);
      const insert = Sql.for(manager);
      await insert.run(
        manager,
        `INSERT INTO leads_import_upload_part (upload_id, part_index, data)
         VALUES (${insert.param(uploadId)}, ${insert.param(index)}, ${insert.param(data)})`,
      );
      const update = Sql.for(manager);
      await update.run(
        manager,
        `UPDATE leads_import_upload SET bytes = bytes + ${update.param(data.length)},
           updated_at = ${update.param(at.toISOString())} WHERE upload_id = ${update.param(uploadId)}`,
      );
    });
  }

  async complete(uploadId: string, bytes: number, at: Date): Promise<void> {
    const sql = Sql.for(this.db);
    await sql.run(
      this.db,
      `UPDATE leads_import_upload SET complete = 1, bytes = ${sql.param(bytes)},
         updated_at = ${sql.param(at.toISOString())} WHERE upload_id = ${sql.param(uploadId)}`,
    );
  }

  async *read(uploadId: string): AsyncIterable<Buffer> {
    for (let index = 0; ; index += 1) {
      const sql = Sql.for(this.db);
      const [row] = await sql.run(
        this.db,
        `SELECT data FROM leads_import_upload_part
         WHERE upload_id = ${sql.param(uploadId)} AND part_index = ${sql.param(index)}`,
      );
      if (row === undefined) return;
      yield Buffer.isBuffer(row.data) ? row.data : Buffer.from(row.data as Uint8Array);
    }
  }

  async find(uploadId: string): Promise<StoredUpload | undefined> {
    const sql = Sql.for(this.db);
    const [row] = await sql.run(this.db, `${selectUploads} WHERE upload_id = ${sql.param(uploadId)}`);
    return row === undefined ? undefined : uploadOf(row);
  }

  async list(): Promise<StoredUpload[]> {
    const sql = Sql.for(this.db);
    const rows = await sql.run(this.db, `${selectUploads} ORDER BY updated_at, ${sql.binary('upload_id')}`);
    return rows.map(uploadOf);
  }

  async delete(uploadId: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      const parts = Sql.for(manager);
      await parts.run(manager, `DELETE FROM leads_import_upload_part WHERE upload_id = ${parts.param(uploadId)}`);
      const upload = Sql.for(manager);
      await upload.run(manager, `DELETE FROM leads_import_upload WHERE upload_id = ${upload.param(uploadId)}`);
    });
  }
}

const selectUploads = 'SELECT upload_id, import_id, division_id, complete, bytes, updated_at FROM leads_import_upload';

function uploadOf(row: Record<string, unknown>): StoredUpload {
  return {
    uploadId: toText(row.upload_id),
    importId: toText(row.import_id),
    divisionId: toText(row.division_id),
    complete: toNumber(row.complete) === 1,
    bytes: toNumber(row.bytes),
    updatedAt: toText(row.updated_at),
  };
}
