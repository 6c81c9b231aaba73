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

/** Tries of a transaction that another one touching the same item (a summary item, say) cancelled meanwhile. */
const CONFLICT_ATTEMPTS = 4;

/**
 * Writes the items in one TransactWriteItems. When DynamoDB cancels it for failed conditions, throws
 * TransactionRefused naming those items (DynamoDB reports reasons in item order; the names are matched here, once).
 * When it was cancelled only because a concurrent transaction held one of its items, nothing was written and the
 * conditions are evaluated anew: it is tried again after a short, jittered pause.
 */
export async function transactWrite<Name extends string>(db: DynamoDBDocumentClient, items: NamedItem<Name>[]): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await db.send(new TransactWriteCommand({ TransactItems: items.map((entry) => entry.item) }));
      return;
    } catch (error) {
      if ((error as { name?: string }).name !== 'TransactionCanceledException') throw error;
      const reasons = (error as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? [];
      const failed = new Set(items.filter((_, index) => reasons[index]?.Code === 'ConditionalCheckFailed').map((entry) => entry.name));
      if (failed.size > 0) throw new TransactionRefused(failed);
      const conflictOnly = reasons.some((reason) => reason.Code === 'TransactionConflict') && reasons.every((reason) => !reason.Code || reason.Code === 'None' || reason.Code === 'TransactionConflict');
      if (!conflictOnly || attempt >= CONFLICT_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * 2 ** attempt * (0.5 + Math.random())));
    }
  }
}
