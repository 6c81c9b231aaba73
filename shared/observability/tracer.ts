import { Tracer } from '@aws-lambda-powertools/tracer';

/**
 * X-Ray for the functions (active tracing is switched on in infra/functions.ts). The tracer switches itself
 * off outside the Lambda runtime (tests, the local stack: no X-Ray daemon there). It traces the handler and
 * outgoing HTTPS calls (the AWS SDK's), never responses: they carry document content.
 */
export const tracer = new Tracer({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'arshjul' });
