import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { healthRoute } from '../../shared/api/routes';
import { dynamo, tableName } from '../../shared/commons/dynamo';
import { ServiceUnavailable } from '../../shared/domain/errors';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(healthRoute, async () => {
  try {
    await dynamo().send(new GetCommand({ TableName: tableName(), Key: { PK: 'HEALTH', SK: 'HEALTH' } }));
  } catch {
    throw new ServiceUnavailable('The table cannot be reached yet; try again in a few seconds.', 5);
  }
  return { status: 200, body: { status: 'ok' } };
});
