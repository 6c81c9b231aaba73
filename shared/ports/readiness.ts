/** Whether the stack can serve requests: in AWS, that its table answers. */
export interface Readiness {
  /** Resolves when ready; rejects with `NotReady` otherwise. */
  check(): Promise<void>;
}

/** The stack cannot serve yet (its table is unreachable, or the local stack is still starting). */
export class NotReady extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'NotReady';
  }
}
