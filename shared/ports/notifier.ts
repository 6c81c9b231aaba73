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
  /** SES template name, when the cloud adapter should render a stored template. */
  template?: string;
}

export interface Notifier {
  send(message: OutgoingMessage): Promise<void>;
}
