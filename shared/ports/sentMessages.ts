import type { OutgoingMessage } from './notifier';

/**
 * A record of every message sent, keyed so that each one goes out exactly once. Keys are per year:
 * `<boardId>#<marker>`, e.g. `bromma#plan#overdue@2027-01-31` (see domain/reminders.reminderKey).
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
}
