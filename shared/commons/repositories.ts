import { DynamoBoardRepository } from '../adapters/dynamo/boardRepository';
import { dynamo, tableName } from './dynamo';

/** Repositories over the one table, built from the shared client. */
export const boardRepository = () => new DynamoBoardRepository(dynamo(), tableName());
