import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { DomainError, ServiceUnavailable, type FieldError } from '../domain/errors';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
}

const typeBase = 'https://arshjul.example/problems/';

export function problemResponse(problem: Problem, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: problem.status,
    headers: { 'content-type': PROBLEM_CONTENT_TYPE, ...headers },
    body: JSON.stringify(problem),
  };
}

/** Maps any error to problem+json: domain errors as they say, AWS throttling as 503, the rest as a 500 bug. */
export function problemFor(error: unknown): { problem: Problem; headers: Record<string, string> } {
  if (error instanceof DomainError) {
    const headers: Record<string, string> = {};
    if (error instanceof ServiceUnavailable) headers['retry-after'] = String(error.retryAfterSeconds);
    return {
      problem: {
        type: typeBase + slug(error.title),
        title: error.title,
        status: error.status,
        detail: error.detail,
        ...(error.errors?.length ? { errors: error.errors } : {}),
      },
      headers,
    };
  }
  if (isThrottling(error)) {
    return {
      problem: {
        type: typeBase + 'service-unavailable',
        title: 'Service unavailable',
        status: 503,
        detail: 'The data store is busy right now. Nothing was changed; try again in a moment.',
      },
      headers: { 'retry-after': '1' },
    };
  }
  return {
    problem: {
      type: typeBase + 'internal-error',
      title: 'Internal error',
      status: 500,
      detail: 'Something went wrong on our side. Nothing you can fix; it has been logged with the correlation id.',
    },
    headers: {},
  };
}

const throttlingNames = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'TransactionInProgressException',
]);

function isThrottling(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const name = (error as { name?: string }).name ?? '';
  if (name === 'TransactionCanceledException') {
    const reasons = (error as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? [];
    return reasons.some((reason) => reason.Code === 'ThrottlingError' || reason.Code === 'TransactionConflict');
  }
  return throttlingNames.has(name) || (error as { $retryable?: unknown }).$retryable !== undefined;
}

function slug(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}
