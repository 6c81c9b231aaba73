import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

/** An item of a transaction, named for what it is, so a refusal says which condition failed. */
export interface NamedItem<Name extends string> {
  name: Name;
  item: TransactItem;
}

/** The transaction was cancelled because the conditions of these items failed. */
export class TransactionRefused<Name extends string> extends Error {
  constructor(readonly failed: ReadonlySet<Name>) {
    super(`transaction refused: ${[...failed].join(', ')}`);
    this.name = 'TransactionRefused';
  }
}

/**
 * Writes the items in one TransactWriteItems. When DynamoDB cancels it for failed conditions, throws
 * TransactionRefused naming those items (DynamoDB reports reasons in item order; the names are matched here, once).
 */
export async function transactWrite<Name extends string>(db: DynamoDBDocumentClient, items: NamedItem<Name>[]): Promise<void> {
  try {
    await db.send(new TransactWriteCommand({ TransactItems: items.map((entry) => entry.item) }));
  } catch (error) {
    if ((error as { name?: string }).name !== 'TransactionCanceledException') throw error;
    const reasons = (error as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? [];
    const failed = new Set(items.filter((_, index) => reasons[index]?.Code === 'ConditionalCheckFailed').map((entry) => entry.name));
    if (failed.size === 0) throw error;
    throw new TransactionRefused(failed);
  }
}
