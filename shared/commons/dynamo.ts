import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

let client: DynamoDBDocumentClient | undefined;

/** The document client, created on first use. Locally AWS_ENDPOINT_URL_DYNAMODB points it at DynamoDB Local. */
export function dynamo(): DynamoDBDocumentClient {
  client ??= DynamoDBDocumentClient.from(new DynamoDBClient({ maxAttempts: 4 }), {
    marshallOptions: { removeUndefinedValues: true },
  });
  return client;
}

export function tableName(): string {
  const name = process.env.TABLE_NAME;
  if (!name) throw new Error('TABLE_NAME is not set');
  return name;
}

/** Lets the local stack and tests swap the client (for example after DynamoDB Local restarts). */
export function useDynamo(next: DynamoDBDocumentClient | undefined): void {
  client = next;
}
