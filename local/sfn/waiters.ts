import { deferred, type Deferred } from './scheduling';
import type { TokenOutcome } from './store';

/** An in-memory task waiting for SendTaskSuccess/Failure; keyed by the token's hash. */
export interface TokenWaiter {
  hash: string;
  deadline?: number;
  heartbeatSeconds?: number;
  heartbeatDeadline?: number;
  outcome: Deferred<TokenOutcome>;
}

export class TokenWaiters {
  private readonly waiters = new Map<string, TokenWaiter>();

  register(hash: string, timing: Omit<TokenWaiter, 'hash' | 'outcome'> = {}): TokenWaiter {
    const waiter: TokenWaiter = { hash, ...timing, outcome: deferred<TokenOutcome>() };
    this.waiters.set(hash, waiter);
    return waiter;
  }

  get(hash: string): TokenWaiter | undefined {
    return this.waiters.get(hash);
  }

  delete(waiter: TokenWaiter): void {
    if (this.waiters.get(waiter.hash) === waiter) this.waiters.delete(waiter.hash);
  }

  /** Wakes the task, if it is waiting in this process. */
  settle(hash: string, outcome: TokenOutcome): void {
    const waiter = this.waiters.get(hash);
    if (waiter && !waiter.outcome.settled) waiter.outcome.resolve(outcome);
  }
}
