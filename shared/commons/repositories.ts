import { DynamoBoardRepository } from '../adapters/dynamo/boardRepository';
import { DynamoSentMessages } from '../adapters/dynamo/sentMessages';
import { currentClock } from './clock';
import type { Actor } from '../domain/actor';
import { DynamoDocumentRepository } from '../adapters/dynamo/documentRepository';
import { DynamoCycleRepository } from '../adapters/dynamo/cycleRepository';
import { dynamo, tableName } from './dynamo';

/** Repositories over the one table, built from the shared client. */
export const boardRepository = () => new DynamoBoardRepository(dynamo(), tableName());
export const cycleRepository = () => new DynamoCycleRepository(dynamo(), tableName());
export const documentRepository = () => new DynamoDocumentRepository(dynamo(), tableName());

/** Everything a document use case needs, for the calling actor. */
export const documentDeps = (actor: Actor) => ({
  actor,
  cycles: cycleRepository(),
  boards: boardRepository(),
  documents: documentRepository(),
  clock: currentClock(),
});

export const sentMessages = () => new DynamoSentMessages(dynamo(), tableName());
