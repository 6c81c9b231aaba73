/** One turn of the event loop: every microtask queued before it (engine steps, generator yields) has run. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
  readonly settled: boolean;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  let settled = false;
  const promise = new Promise<T>((res, rej) => {
    resolve = (value) => {
      settled = true;
      res(value);
    };
    reject = (error) => {
      settled = true;
      rej(error);
    };
  });
  return {
    promise,
    resolve,
    reject,
    get settled() {
      return settled;
    },
  };
}

/** Wakes everyone waiting for "something changed" (a run became idle, a write finished, ...). */
export class ChangeSignal {
  private waiters: Array<() => void> = [];

  notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /** Resolves at the next notify, or after `fallbackMs` as a safety net against a missed notification. */
  wait(fallbackMs = 50): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, fallbackMs);
      const self = this;
      function done() {
        clearTimeout(timer);
        self.waiters = self.waiters.filter((waiter) => waiter !== done);
        resolve();
      }
      this.waiters.push(done);
    });
  }
}

/** Something that becomes due at an instant of the local clock (a Wait, a task or execution timeout). */
export interface DueItem {
  /** Milliseconds since the epoch on the local clock; undefined while not due at all. */
  dueAt(): number | undefined;
  fire(): Promise<void> | void;
}

export class DueQueue {
  private readonly items = new Set<DueItem>();

  add(item: DueItem): DueItem {
    this.items.add(item);
    return item;
  }

  delete(item: DueItem | undefined): void {
    if (item) this.items.delete(item);
  }

  /** Removes and returns the items due at `now`, earliest first. */
  takeDue(now: number): DueItem[] {
    const due = [...this.items]
      .map((item) => ({ item, at: item.dueAt() }))
      .filter((entry): entry is { item: DueItem; at: number } => entry.at !== undefined && entry.at <= now)
      .sort((a, b) => a.at - b.at)
      .map((entry) => entry.item);
    for (const item of due) this.items.delete(item);
    return due;
  }

  /** The earliest instant an item is due at, if any is. */
  nextAt(): number | undefined {
    let next: number | undefined;
    for (const item of this.items) {
      const at = item.dueAt();
      if (at !== undefined && (next === undefined || at < next)) next = at;
    }
    return next;
  }

  clear(): void {
    this.items.clear();
  }
}
