import { ImportUploads, type StoredUpload } from '../application/import-uploads.port';

/** Uploads kept in this process's memory: for tests, and for a service that keeps nothing across restarts. */
export class MemoryImportUploads extends ImportUploads {
  private readonly uploads = new Map<string, { upload: StoredUpload; parts: Buffer[] }>();

  begin({ uploadId, importId, divisionId, at }: { uploadId: string; importId: string; divisionId: string; at: Date }) {
    if (this.uploads.has(uploadId)) return Promise.reject(new Error(`Upload ${uploadId} is already stored`));
    const upload = { uploadId, importId, divisionId, complete: false, bytes: 0, updatedAt: at.toISOString() };
    this.uploads.set(uploadId, { upload, parts: [] });
    return Promise.resolve();
  }

  append(uploadId: string, index: number, data: Buffer, at: Date): Promise<void> {
    const stored = this.uploads.get(uploadId);
    if (stored === undefined) return Promise.reject(new Error(`No upload ${uploadId}`));
    if (index !== stored.parts.length) {
      return Promise.reject(new Error(`Upload ${uploadId} expects part ${stored.parts.length}, got ${index}`));
    }
    stored.parts.push(Buffer.from(data));
    stored.upload = { ...stored.upload, bytes: stored.upload.bytes + data.length, updatedAt: at.toISOString() };
    return Promise.resolve();
  }

  complete(uploadId: string, bytes: number, at: Date): Promise<void> {
    const stored = this.uploads.get(uploadId);
    if (stored === undefined) return Promise.reject(new Error(`No upload ${uploadId}`));
    stored.upload = { ...stored.upload, complete: true, bytes, updatedAt: at.toISOString() };
    return Promise.resolve();
  }

  async *read(uploadId: string): AsyncIterable<Buffer> {
    const parts = this.uploads.get(uploadId)?.parts ?? [];
    for (let index = 0; index < parts.length; index += 1) {
      await Promise.resolve();
      const part = this.uploads.get(uploadId)?.parts[index];
      if (part === undefined) return;
      yield Buffer.from(part);
    }
  }

  find(uploadId: string): Promise<StoredUpload | undefined> {
    const stored = this.uploads.get(uploadId);
    return Promise.resolve(stored === undefined ? undefined : { ...stored.upload });
  }

  list(): Promise<StoredUpload[]> {
    return Promise.resolve(
      [...this.uploads.values()]
        .map(({ upload }) => ({ ...upload }))
        .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt)),
    );
  }

  delete(uploadId: string): Promise<void> {
    this.uploads.delete(uploadId);
    return Promise.resolve();
  }
}
