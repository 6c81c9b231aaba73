import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { healthRoute } from '../../shared/api/routes';
import { dynamo, tableName } from '../../shared/commons/dynamo';
import { ServiceUnavailable } from '../../shared/domain/errors';
import { httpHandler } from '../../shared/http/handler';

/** The one question health asks, "ready?": resolves when ready, rejects with ServiceUnavailable until then. */
export type Readiness = () => Promise<void>;

/** In AWS: ready once the table answers. */
export const tableReachable: Readiness = async () => {
  try {
    await dynamo().send(new GetCommand({ TableName: tableName(), Key: { PK: 'HEALTH', SK: 'HEALTH' } }));
  } catch {
    throw new ServiceUnavailable('The table cannot be reached yet; try again in a few seconds.', 5);
  }
};

let readiness: Readiness = tableReachable;

/** The local stack adds its own condition (everything `npm start` sets up is in place). */
export function useReadiness(next: Readiness): void {
  readiness = next;
}

export const handler = httpHandler(healthRoute, async () => {
  await readiness();
  return { status: 200, body: { status: 'ok' } };
});
