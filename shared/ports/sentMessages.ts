import type { OutgoingMessage } from './notifier';

/**
 * A record of every message sent, keyed so that each one goes out exactly once. Keys are per year:
 * `<boardId>#<marker>`, e.g. `bromma#plan#overdue@2027-01-31` (see domain/reminders.reminderKey).
 */
export interface SentMessages {
  /** Claims the right to send `key` in a year; false when it was claimed before. */
  claim(year: number, key: string, message: OutgoingMessage & { superseded?: boolean }, at: string): Promise<boolean>;
  /** Gives a claim back after the send failed, so a retry can send it. */
  release(year: number, key: string): Promise<void>;
  /** Every key claimed in a year. */
  claimed(year: number): Promise<Set<string>>;
}
