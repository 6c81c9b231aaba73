import type { Notifier, OutgoingMessage } from '../../ports/notifier';

/** Collects what would be sent, for use-case tests; `failing` makes the next sends fail, as SES can. */
export class MemoryNotifier implements Notifier {
  readonly sent: OutgoingMessage[] = [];
  failing = false;

  async send(message: OutgoingMessage): Promise<void> {
    if (this.failing) throw new Error('the mail service refused the message');
    this.sent.push(structuredClone(message));
  }
}
