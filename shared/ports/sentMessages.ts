import type { ReminderRun } from '../domain/reminders';
import type { OutgoingMessage } from './notifier';

/**
 * A record of every message sent, keyed so that each one goes out exactly once. Keys are per year:
 * `<boardId>#<marker>`, e.g. `bromma#plan#overdue@2027-01-31` (see domain/reminders.reminderKey). It also keeps what
 * the daily reminder job needs to tell a quiet day cheaply: its last full run of each year, and the boards added.
 */
export interface SentMessages {
  /**
   * Claims the right to send `key` in a year: true when it was never claimed, and also when an earlier claim was never
   * confirmed (its sender died between claiming and confirming, so the message may not have gone out: it goes again);
   * false once a send was confirmed. A superseded message is recorded as confirmed at once, without a send.
   */
  claim(year: number, key: string, message: OutgoingMessage & { superseded?: boolean }, at: string): Promise<boolean>;
  /** Records that the message of a claim went out. */
  confirm(year: number, key: string): Promise<void>;
  /** Gives a claim back after the send failed, so a retry can send it. */
  release(year: number, key: string): Promise<void>;
  /** Every key of a year whose message went out (or was superseded); an unconfirmed claim is not among them. */
  claimed(year: number): Promise<Set<string>>;
  /** The same, for the keys that start with `prefix` (one board's document: `<boardId>#<kind>#`): one small read. */
  claimedWith(year: number, prefix: string): Promise<Set<string>>;
  /** Those of `keys` whose message went out (or was superseded): one small read per key. */
  claimedAmong(year: number, keys: readonly string[]): Promise<Set<string>>;
  /** The reminder job's last full run of a year, if it did one. */
  lastRun(year: number): Promise<ReminderRun | undefined>;
  /** Records a full run; a run for an earlier day than the one recorded is ignored. */
  recordRun(year: number, run: ReminderRun): Promise<void>;
  /** Notes that a board was created at `at` (before it is written: a crash between leaves a harmless extra note). */
  boardAdded(boardId: string, at: string): Promise<void>;
  /** The boards created after `at`, oldest first. */
  boardsAddedSince(at: string): Promise<Array<{ boardId: string; at: string }>>;
}
