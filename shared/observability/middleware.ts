import type { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Tracer } from '@aws-lambda-powertools/tracer';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import type middy from '@middy/core';
import { logger as defaultLogger } from './logger';
import { tracer as defaultTracer } from './tracer';

/**
 * What every handler carries, HTTP and task alike: the Lambda context (function name, request id, cold
 * start) on each log line, and an X-Ray segment for the invocation without its response.
 * `middy().use(observed())`.
 */
export function observed(options: { logger?: Logger; tracer?: Tracer } = {}): middy.MiddlewareObj[] {
  return [injectLambdaContext(options.logger ?? defaultLogger), captureLambdaHandler(options.tracer ?? defaultTracer, { captureResponse: false })];
}
