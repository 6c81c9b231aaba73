import type { ReminderRun } from '../../domain/reminders';
import type { OutgoingMessage } from '../../ports/notifier';
import type { SentMessages } from '../../ports/sentMessages';
import type { MemoryTable } from './table';

export class MemorySentMessages implements SentMessages {
  constructor(private readonly table: MemoryTable) {}

  async claim(year: number, key: string, message: OutgoingMessage & { superseded?: boolean }, at: string): Promise<boolean> {
    const markers = this.markers(year);
    const existing = markers.get(key);
    // A claim left `sending` by a sender that died before confirming may be taken again.
    if (existing && existing.state !== 'sending') return false;
    markers.set(key, { ...structuredClone(message), at, state: message.superseded ? 'sent' : 'sending' });
    return true;
  }

  async confirm(year: number, key: string): Promise<void> {
    const marker = this.markers(year).get(key);
    if (marker) marker.state = 'sent';
  }

  async release(year: number, key: string): Promise<void> {
    this.markers(year).delete(key);
  }

  async claimed(year: number): Promise<Set<string>> {
    return this.claimedWith(year, '');
  }

  async claimedWith(year: number, prefix: string): Promise<Set<string>> {
    return new Set([...this.markers(year)].filter(([key, marker]) => key.startsWith(prefix) && marker.state !== 'sending').map(([key]) => key));
  }

  async claimedAmong(year: number, keys: readonly string[]): Promise<Set<string>> {
    const markers = this.markers(year);
    return new Set(keys.filter((key) => markers.has(key) && markers.get(key)!.state !== 'sending'));
  }

  async lastRun(year: number): Promise<ReminderRun | undefined> {
    const run = this.table.reminderRuns.get(year);
    return run ? structuredClone(run) : undefined;
  }

  async recordRun(year: number, run: ReminderRun): Promise<void> {
    const known = this.table.reminderRuns.get(year);
    if (known && known.through > run.through) return;
    this.table.reminderRuns.set(year, structuredClone(run));
  }

  async boardAdded(boardId: string, at: string): Promise<void> {
    this.table.boardsAdded.set(`${at}#${boardId}`, { boardId, at });
  }

  async boardsAddedSince(at: string): Promise<Array<{ boardId: string; at: string }>> {
    return [...this.table.boardsAdded].filter(([, added]) => added.at > at).sort(([a], [b]) => (a < b ? -1 : 1)).map(([, added]) => ({ ...added }));
  }

  private markers(year: number) {
    let markers = this.table.sent.get(year);
    if (!markers) this.table.sent.set(year, (markers = new Map()));
    return markers;
  }
}
