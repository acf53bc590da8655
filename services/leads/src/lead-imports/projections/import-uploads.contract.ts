import type { ImportUploads } from '../application/import-uploads.port';

const at = (second: number) => new Date(Date.UTC(2026, 2, 1, 9, 0, second));

async function readAll(uploads: ImportUploads, uploadId: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of uploads.read(uploadId)) parts.push(part);
  return Buffer.concat(parts);
}

/** What every adapter of the uploads port does; each adapter's test runs it on a fresh, empty store. */
export function importUploadsContract(
  name: string,
  open: () => Promise<{ uploads: ImportUploads; close(): Promise<void> }>,
) {
  describe(`import uploads: ${name}`, () => {
    let uploads: ImportUploads;
    let opened: { uploads: ImportUploads; close(): Promise<void> };

    beforeEach(async () => {
      opened = await open();
      uploads = opened.uploads;
    });

    afterEach(async () => {
      await opened.close();
    });

    it('keeps the parts of an upload in order, byte for byte, and says when it is complete', async () => {
      await uploads.begin({ uploadId: 'u-1', importId: 'i-1', divisionId: 'north', at: at(0) });
      expect(await uploads.find('u-1')).toEqual({
        uploadId: 'u-1',
        importId: 'i-1',
        divisionId: 'north',
        complete: false,
        bytes: 0,
        updatedAt: at(0).toISOString(),
      });
      const first = Buffer.from('source,company_name\r\nweb,Caf\u00c3', 'latin1');
      const second = Buffer.from([0xa9, 0x00, 0xff, 0x0d, 0x0a]);
      await uploads.append('u-1', 0, first, at(1));
      await uploads.append('u-1', 1, second, at(2));
      expect(await uploads.find('u-1')).toMatchObject({ complete: false, bytes: first.length + second.length });
      await uploads.complete('u-1', first.length + second.length, at(3));
      expect(await uploads.find('u-1')).toMatchObject({
        complete: true,
        bytes: first.length + second.length,
        updatedAt: at(3).toISOString(),
      });
      expect((await readAll(uploads, 'u-1')).equals(Buffer.concat([first, second]))).toBe(true);
      const parts: number[] = [];
      for await (const part of uploads.read('u-1')) parts.push(part.length);
      expect(parts).toEqual([first.length, second.length]);
    });

    it('lists every upload, complete or not, in the order they were last written', async () => {
      await uploads.begin({ uploadId: 'u-2', importId: 'i-2', divisionId: 'south', at: at(5) });
      await uploads.begin({ uploadId: 'u-1', importId: 'i-1', divisionId: 'north', at: at(1) });
      await uploads.complete('u-1', 0, at(2));
      expect((await uploads.list()).map((upload) => [upload.uploadId, upload.complete])).toEqual([
        ['u-1', true],
        ['u-2', false],
      ]);
    });

    it('refuses a part out of order, a second upload under the same id, and a part of an upload removed', async () => {
      await uploads.begin({ uploadId: 'u-1', importId: 'i-1', divisionId: 'north', at: at(0) });
      await uploads.append('u-1', 0, Buffer.from('a'), at(1));
      await expect(uploads.append('u-1', 0, Buffer.from('b'), at(2))).rejects.toThrow();
      await expect(
        uploads.begin({ uploadId: 'u-1', importId: 'i-9', divisionId: 'north', at: at(3) }),
      ).rejects.toThrow();
      expect((await readAll(uploads, 'u-1')).toString()).toBe('a');
      await uploads.delete('u-1');
      await expect(uploads.append('u-1', 1, Buffer.from('c'), at(4))).rejects.toThrow();
      expect(await uploads.list()).toEqual([]);
    });

    it('deletes an upload with its parts, and reads nothing of one that is not stored', async () => {
      await uploads.begin({ uploadId: 'u-1', importId: 'i-1', divisionId: 'north', at: at(0) });
      await uploads.append('u-1', 0, Buffer.from('abc'), at(1));
      await uploads.begin({ uploadId: 'u-2', importId: 'i-2', divisionId: 'north', at: at(0) });
      await uploads.delete('u-1');
      await uploads.delete('u-1');
      expect(await uploads.find('u-1')).toBeUndefined();
      expect((await readAll(uploads, 'u-1')).length).toBe(0);
      expect((await uploads.list()).map((upload) => upload.uploadId)).toEqual(['u-2']);
      expect(await uploads.find('never')).toBeUndefined();
    });

    it('reads a large upload part by part', async () => {
      await uploads.begin({ uploadId: 'u-1', importId: 'i-1', divisionId: 'north', at: at(0) });
      const part = Buffer.alloc(256 * 1024, 0x2c);
      for (let index = 0; index < 8; index += 1) await uploads.append('u-1', index, part, at(1));
      await uploads.complete('u-1', 8 * part.length, at(2));
      let count = 0;
      let bytes = 0;
      for await (const read of uploads.read('u-1')) {
        count += 1;
        bytes += read.length;
      }
      expect([count, bytes]).toEqual([8, 8 * part.length]);
    });
  });
}
