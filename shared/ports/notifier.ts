/** An e-mail the system sends: SES in the cloud, the local outbox in `npm start`. */
export type MessageKind = 'reminder' | 'overdue' | 'escalation' | 'returned' | 'approved';

export interface OutgoingMessage {
  to: string[];
  cc?: string[];
  subject: string;
  body: string;
  kind: MessageKind;
  boardId?: string;
  year?: number;
  documentKind?: string;
  /** The stored template the text was rendered from, and its values: SES renders the same template in the cloud. */
  template?: { kind: 'reminder' | 'overdue' | 'escalation' | 'returned' | 'approved'; locale: 'sv' | 'en'; data: Record<string, string> };
}

export interface Notifier {
  /** With `idempotencyKey`, a notifier that can drops a second send with the same key (the local outbox does; SES cannot). */
  send(message: OutgoingMessage, options?: { idempotencyKey?: string }): Promise<void>;
}
