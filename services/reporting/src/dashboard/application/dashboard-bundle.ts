import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

/** One file of the built dashboard, ready to serve: its type, its bytes, gzipped once, and a validator. */
export interface DashboardFile {
  contentType: string;
  body: Buffer;
  gzipped: Buffer;
  etag: string;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

function contentTypeOf(name: string): string {
  const extension = name.slice(name.lastIndexOf('.'));
  return contentTypes[extension] ?? 'application/octet-stream';
}

/**
 * The dashboard as the browser gets it: a page and the files it loads, held in memory (a few hundred kilobytes), or
 * the reason it could not be built, which the page then says in words.
 */
export class DashboardBundle {
  private constructor(
    readonly files: ReadonlyMap<string, DashboardFile>,
    readonly unavailable: string | undefined,
  ) {}

  /** The built files by name; `index.html` is the page. */
  static of(files: Readonly<Record<string, string | Buffer>>): DashboardBundle {
    const served = new Map<string, DashboardFile>();
    for (const [name, content] of Object.entries(files)) {
      const body = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
      served.set(name, {
        contentType: contentTypeOf(name),
        body,
        gzipped: gzipSync(body),
        etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
      });
    }
    if (!served.has('index.html')) throw new Error('A dashboard bundle needs its page, index.html');
    return new DashboardBundle(served, undefined);
  }

  static notBuilt(reason: string): DashboardBundle {
    return new DashboardBundle(new Map(), reason);
  }
}
