/** Whether the stack can serve requests: in AWS, that its table answers. */
export interface Readiness {
  /** Resolves when ready; rejects with `NotReady` otherwise. */
  check(): Promise<void>;
}

/** The stack cannot serve yet (its table is unreachable, or the local stack is still starting). */
export class NotReady extends Error {
  /** `message` tells a person what is not ready yet; `retryAfterSeconds` when to ask again. */
  constructor(
    message: string,
    readonly retryAfterSeconds = 5,
  ) {
    super(message);
    this.name = 'NotReady';
  }
}
