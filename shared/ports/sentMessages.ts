import type { OutgoingMessage } from './notifier';

/** A record of every message sent, keyed so that each one goes out exactly once. */
export interface SentMessages {
  /** Claims the right to send `markerId` for a board and year; false when it was claimed before. */
  claim(year: number, boardId: string, markerId: string, message: OutgoingMessage, at: string): Promise<boolean>;
  /** Gives a claim back after the send failed, so a retry can send it. */
  release(year: number, boardId: string, markerId: string): Promise<void>;
  /** Marker ids already claimed for a board and year. */
  claimed(year: number, boardId: string): Promise<string[]>;
}
