import { Agent, type IncomingHttpHeaders, request } from 'node:http';

export interface HttpAnswer {
  status: number;
  body: string;
  etag: string | undefined;
}

/** A JSON client of one loopback port over keep-alive connections, as a gateway in front of the service would be. */
export class LoopbackHttp {
  private readonly agent: Agent;

  constructor(
    private readonly port: number,
    maxSockets: number,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets });
  }

  send(method: 'POST' | 'PUT', path: string, headers: Record<string, string>, body: unknown): Promise<HttpAnswer> {
    const payload = JSON.stringify(body);
    const payloadHeaders = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) };
    return this.exchange(method, path, { ...headers, ...payloadHeaders }, payload);
  }

  get(path: string, headers: Record<string, string>): Promise<HttpAnswer> {
    return this.exchange('GET', path, headers, undefined);
  }

  close(): void {
    this.agent.destroy();
  }

  private exchange(
    method: string,
    path: string,
    headers: Record<string, string>,
    payload: string | undefined,
  ): Promise<HttpAnswer> {
    return new Promise((resolve, reject) => {
      const outgoing = request(
        {
          host: '127.0.0.1',
          port: this.port,
          method,
          path,
          agent: this.agent,
          headers,
        },
        (incoming) => {
          let text = '';
          incoming.setEncoding('utf8');
          incoming.on('data', (chunk: string) => (text += chunk));
          incoming.on('end', () =>
            resolve({ status: incoming.statusCode ?? 0, body: text, etag: firstHeader(incoming.headers, 'etag') }),
          );
          incoming.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(payload);
    });
  }
}

function firstHeader(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
