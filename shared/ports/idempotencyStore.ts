/** An answer as it was given, to give again to a retry. */
export interface StoredResponse {
  status: number;
  body: unknown;
}

/** The first answer to a caller's Idempotency-Key, and the fingerprint of the request it answered. */
export interface IdempotentAnswer {
  actorSub: string;
  key: string;
  fingerprint: string;
  response: StoredResponse;
}

/** Answers kept per caller and key for a day (the store reads the time from the Clock port). */
export interface IdempotencyStore {
  get(actorSub: string, key: string): Promise<Pick<IdempotentAnswer, 'fingerprint' | 'response'> | undefined>;
  /** Stores an answer under a caller's key, unless one is stored already (the first answer stays). */
  remember(answer: IdempotentAnswer): Promise<void>;
}
