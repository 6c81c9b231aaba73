import { dynamoPorts } from '../adapters/dynamo';
import type { Actor } from '../domain/actor';
import type { TablePorts } from '../ports/tablePorts';
import { currentClock } from './clock';
import { dynamo, tableName } from './dynamo';

/** Every port kept in the one table, built from the shared client and the current clock. */
export const tablePorts = (): TablePorts => dynamoPorts(dynamo(), tableName(), currentClock());

export const boardRepository = () => tablePorts().boards;
export const cycleRepository = () => tablePorts().cycles;
export const documentStore = () => tablePorts().documents;
export const sentMessages = () => tablePorts().sent;

/** Everything a document use case needs, for the calling actor. */
export const documentDeps = (actor: Actor) => ({ actor, ...tablePorts(), clock: currentClock() });

/** The DocumentStore, under the name the handlers still call it by until the composition root replaces this file. */
export const documentRepository = documentStore;
