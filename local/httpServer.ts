import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { JWTPayload } from 'jose';
import { problemResponse } from '../shared/http/problem';
import { lambdaContext } from './lambdaContext';

export type LambdaHttpHandler = (
  event: APIGatewayProxyEventV2WithJWTAuthorizer,
  context: ReturnType<typeof lambdaContext>,
) => Promise<APIGatewayProxyStructuredResultV2>;

export interface LocalRoute {
  method: string;
  path: string;
  auth: 'public' | 'jwt';
  functionName: string;
  handler: LambdaHttpHandler;
}

export interface LocalResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface HttpServerOptions {
  port: number;
  routes: LocalRoute[];
  /** Verifies a bearer token as API Gateway's JWT authorizer would; undefined when invalid. */
  verifyToken(token: string): Promise<JWTPayload | undefined>;
  /** Local-only routes (`/api/dev/...`) and the web app; answer undefined to fall through. */
  fallbacks: Array<(request: { method: string; path: string; body: string; headers: Record<string, string> }) => Promise<LocalResponse | undefined>>;
}

/** API Gateway refuses larger payloads; the handlers apply their own, smaller limit. */
const GATEWAY_MAX_BODY = 10 * 1024 * 1024;

interface CompiledRoute extends LocalRoute {
  pattern: RegExp;
  names: string[];
  literalSegments: number;
}

/**
 * The local API Gateway: turns each HTTP request into an HTTP API payload v2 event for the same
 * Lambda handlers that deploy to AWS, verifying JWTs on protected routes first.
 */
export function startHttpServer(options: HttpServerOptions): Promise<{ server: Server; port: number; close(): Promise<void> }> {
  const routes = options.routes.map(compile).sort((a, b) => b.literalSegments - a.literalSegments);
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      process.stderr.write(`local http server: ${(error as Error)?.stack ?? String(error)}\n`);
      if (!response.headersSent) send(response, asLocal(problemResponse({ type: 'about:blank', title: 'Internal error', status: 500, detail: 'The local server failed; see its log.' })));
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://local');
    const method = (request.method ?? 'GET').toUpperCase();
    const body = await readBody(request);
    if (body === undefined) {
      send(response, asLocal(problemResponse({ type: 'about:blank', title: 'Payload too large', status: 413, detail: 'The body is larger than the gateway accepts.' })));
      return;
    }
    const headers = headerRecord(request);
    const route = routes.find((candidate) => candidate.method === method && candidate.pattern.test(url.pathname));
    if (!route) {
      for (const fallback of options.fallbacks) {
        const answer = await fallback({ method, path: url.pathname, body, headers });
        if (answer) return send(response, answer);
      }
      const known = routes.some((candidate) => candidate.pattern.test(url.pathname));
      return send(
        response,
        asLocal(
          problemResponse({
            type: 'about:blank',
            title: known ? 'Method not allowed' : 'Not found',
            status: known ? 405 : 404,
            detail: known ? `${method} is not supported on ${url.pathname}.` : `There is no route ${method} ${url.pathname}; see /api/openapi.json.`,
          }),
        ),
      );
    }

    let claims: JWTPayload | undefined;
    const bearer = /^Bearer\s+(.+)$/i.exec(headers.authorization ?? '')?.[1];
    if (bearer) claims = await options.verifyToken(bearer.trim());
    if (route.auth === 'jwt' && !claims) {
      return send(
        response,
        asLocal(
          problemResponse({
            type: 'about:blank',
            title: 'Not signed in',
            status: 401,
            detail: 'Sign in first: send a valid token as `Authorization: Bearer <token>`.',
          }),
        ),
      );
    }

    const match = route.pattern.exec(url.pathname)!;
    const decoded = route.names.map((_name, index) => safeDecode(match[index + 1]!));
    if (decoded.some((value) => value === undefined)) {
      return send(
        response,
        asLocal(
          problemResponse({
            type: 'about:blank',
            title: 'Bad request',
            status: 400,
            detail: 'The path is not valid percent-encoding (e.g. a lone "%"); encode each path segment with encodeURIComponent.',
          }),
        ),
      );
    }
    const pathParameters = Object.fromEntries(route.names.map((name, index) => [name, decoded[index]!]));
    const requestId = randomUUID();
    const event = {
      version: '2.0',
      routeKey: `${route.method} ${route.path}`,
      rawPath: url.pathname,
      rawQueryString: url.search.slice(1),
      headers,
      queryStringParameters: url.search ? Object.fromEntries(url.searchParams) : undefined,
      pathParameters: route.names.length ? pathParameters : undefined,
      requestContext: {
        accountId: '000000000000',
        apiId: 'local',
        domainName: headers.host ?? 'localhost',
        domainPrefix: 'local',
        http: { method, path: url.pathname, protocol: 'HTTP/1.1', sourceIp: request.socket.remoteAddress ?? '127.0.0.1', userAgent: headers['user-agent'] ?? '' },
        requestId,
        routeKey: `${route.method} ${route.path}`,
        stage: '$default',
        time: new Date().toUTCString(),
        timeEpoch: Date.now(),
        authorizer: { principalId: '', integrationLatency: 0, jwt: { claims: claims ? stringifyClaims(claims) : {}, scopes: [] } },
      },
      body: body === '' ? undefined : body,
      isBase64Encoded: false,
    } as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;
    const result = await route.handler(event, lambdaContext(route.functionName));
    send(response, asLocal(result));
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      resolve({
        server,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

function compile(route: LocalRoute): CompiledRoute {
  const names: string[] = [];
  const segments = route.path.split('/');
  const source = segments
    .map((segment) =>
      segment.replace(/\{([^}]+)\}|[^{}]+/g, (part, name?: string) => {
        if (name) {
          names.push(name);
          return '([^/]+)';
        }
        return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      }),
    )
    .join('/');
  return { ...route, method: route.method.toUpperCase(), pattern: new RegExp(`^${source}$`), names, literalSegments: segments.filter((s) => !s.includes('{')).length };
}

/** A percent-decoded path segment, or undefined when it is not valid percent-encoded UTF-8. */
function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** API Gateway passes JWT claims as strings, arrays as "[a b]". */
function stringifyClaims(claims: JWTPayload): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(claims)) {
    out[key] = Array.isArray(value) ? `[${value.join(' ')}]` : String(value);
  }
  return out;
}

function readBody(request: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > GATEWAY_MAX_BODY) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function headerRecord(request: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(request.headers)) {
    if (value !== undefined) out[key.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  return out;
}

function asLocal(result: APIGatewayProxyStructuredResultV2): LocalResponse {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(result.headers ?? {})) headers[key] = String(value);
  return {
    status: result.statusCode ?? 200,
    headers,
    body: result.body === undefined ? undefined : result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body,
  };
}

function send(response: ServerResponse, answer: LocalResponse) {
  response.writeHead(answer.status, answer.headers);
  response.end(answer.body);
}
