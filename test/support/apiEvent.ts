import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import type { Role } from '../../shared/domain/actor';
import { lambdaContext } from '../../local/lambdaContext';

/** An HTTP API payload v2 event as API Gateway builds it after its JWT authorizer, for calling a handler directly. */
export function apiEvent(options: {
  method: string;
  path: string;
  routePath: string;
  pathParameters?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
  caller?: { sub: string; role: Role; boards?: string[] };
}): APIGatewayProxyEventV2WithJWTAuthorizer {
  const claims = options.caller
    ? { sub: options.caller.sub, 'cognito:groups': `[${options.caller.role}]`, 'custom:boards': (options.caller.boards ?? []).join(',') }
    : {};
  return {
    version: '2.0',
    routeKey: `${options.method} ${options.routePath}`,
    rawPath: options.path,
    rawQueryString: '',
    headers: { 'content-type': 'application/json', ...options.headers },
    pathParameters: options.pathParameters,
    requestContext: {
      accountId: '000000000000',
      apiId: 'test',
      domainName: 'test',
      domainPrefix: 'test',
      http: { method: options.method, path: options.path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      requestId: 'test-request',
      routeKey: `${options.method} ${options.routePath}`,
      stage: '$default',
      time: '',
      timeEpoch: 0,
      authorizer: { principalId: '', integrationLatency: 0, jwt: { claims, scopes: [] } },
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    isBase64Encoded: false,
  } as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;
}

export const testContext = () => lambdaContext('test');
