import { request as httpRequest, Agent } from 'node:http';

/**
 * An HTTP client that sends exactly what it is given: the path as written (no `..` resolution, no
 * re-encoding, unlike fetch), any header bytes, any body bytes, any content type. For hostile-input tests.
 */
export interface RawRequest {
  method: string;
  /** Sent verbatim as the request target; must already be percent-encoded where needed. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** The body parsed as JSON, when it is JSON. */
  json?: unknown;
}

const agent = new Agent({ keepAlive: true, maxSockets: 16 });

/**
 * Header values must be bytes 0x20–0xFF or tab (RFC 9110 field-value); Node refuses anything else on the
 * client side. Arbitrary strings are sent as their UTF-8 bytes, control characters replaced by spaces.
 */
export function asHeaderValue(value: string): string {
  return Buffer.from(value, 'utf8')
    .toString('latin1')
    .replace(/[^\t\x20-\x7e\x80-\xff]/g, ' ');
}

export function rawRequest(base: string, options: RawRequest): Promise<RawAnswer> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const body = options.body === undefined ? undefined : Buffer.isBuffer(options.body) ? options.body : Buffer.from(options.body, 'utf8');
    const headers: Record<string, string | number> = { ...options.headers };
    if (body !== undefined) headers['content-length'] = body.length;
    const req = httpRequest(
      { host: url.hostname, port: url.port, method: options.method, path: options.path, headers, agent, insecureHTTPParser: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const out: Record<string, string> = {};
          for (const [key, value] of Object.entries(res.headers)) if (value !== undefined) out[key] = Array.isArray(value) ? value.join(', ') : value;
          let json: unknown;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: out, text, json });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.end(body);
    else req.end();
  });
}

export function closeRawAgent(): void {
  agent.destroy();
}
