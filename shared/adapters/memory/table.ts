import type { ReminderRun } from '../../domain/reminders';
import type { UnitFigures } from '../../domain/rollup';
import type { AuditEvent } from '../../ports/auditLog';
import type { BoardEvent, StoredBoard } from '../../ports/boardRepository';
import type { CycleEvent, CycleSettingName, CycleSettings, PeriodRecord, StoredCouncilGoals, StoredCycle } from '../../ports/cycleRepository';
import type { DocumentRecord } from '../../ports/documentStore';
import type { IdempotentAnswer } from '../../ports/idempotencyStore';
import type { OutgoingMessage } from '../../ports/notifier';
import type { PendingWorkflowAction } from '../../ports/workflowOutbox';

/**
 * What the one DynamoDB table holds, as plain maps: the in-memory ports share one of these, so that a document
 * commit can check the cycle's state and count its approved plans, as the DynamoDB transaction does. Keys mirror
 * the table's sort orders, so reads answer in the same order.
 */
export class MemoryTable {
  readonly boards = new Map<string, StoredBoard>();
  /** A board's own audit events, by board, then by `board#<at>#<version>`. */
  readonly boardEvents = new Map<string, Map<string, BoardEvent>>();
  readonly cycles = new Map<number, StoredCycle>();
  readonly councilGoals = new Map<number, StoredCouncilGoals>();
  /** A year's settings, keyed `${year}#${name}`. */
  readonly cycleSettings = new Map<string, CycleSettings[CycleSettingName]>();
  /** By `<year>#<kind>`. */
  readonly periods = new Map<string, PeriodRecord>();
  /** By year, then by the event's sort key. */
  readonly cycleEvents = new Map<number, Map<string, CycleEvent>>();
  /** By `<year>#<boardId>#<kind>`. */
  readonly documents = new Map<string, DocumentRecord>();
  /** The parents' roll-up items, by `<year>#<parentId>#<kind>`, then by unit: each exists from its first write on, as in the table. */
  readonly rollups = new Map<string, Map<string, UnitFigures>>();
  /** By `<year>#<boardId>`, then by `<kind>#<at>#<version>`. */
  readonly audit = new Map<string, Map<string, AuditEvent>>();
  /** By `<actorSub>#<key>`; `expiresAt` in epoch seconds, as the table's TTL attribute. */
  readonly idempotency = new Map<string, Pick<IdempotentAnswer, 'fingerprint' | 'response'> & { expiresAt: number }>();
  /** By `<year>#<boardId>#<kind>#<version>`. */
  readonly outbox = new Map<string, PendingWorkflowAction>();
  /** By year, then by key. */
  readonly sent = new Map<number, Map<string, OutgoingMessage & { at: string; state: 'sending' | 'sent'; superseded?: boolean }>>();
  /** The reminder job's last full run, by year. */
  readonly reminderRuns = new Map<number, ReminderRun>();
  /** Boards created, by `<at>#<boardId>`. */
  readonly boardsAdded = new Map<string, { boardId: string; at: string }>();
}

/** A stored value is never shared with a caller: reads and writes copy, as a round trip through the table would. */
export const copy = <T>(value: T): T => structuredClone(value);

export const pad = (version: number) => String(version).padStart(6, '0');

export const documentId = (year: number, boardId: string, kind: string) => `${year}#${boardId}#${kind}`;

/** The values of a map in the order of its keys (as a query answers by sort key). */
export function byKey<V>(map: Map<string, V> | undefined): V[] {
  return [...(map ?? new Map<string, V>()).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, value]) => copy(value));
}
