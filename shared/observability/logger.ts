import { Logger } from '@aws-lambda-powertools/logger';

/**
 * The one logger: structured JSON with the service name and, per request, a correlation id.
 * Never pass task tokens, JWTs or document content to it.
 */
export const logger = new Logger({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'arshjul',
  logLevel: (process.env.POWERTOOLS_LOG_LEVEL ?? (process.env.VITEST ? 'SILENT' : 'INFO')) as 'INFO',
});
