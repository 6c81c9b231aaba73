/**
 * `work` over every item, `inFlight` at a time, the answers in the items' order; the first failure is thrown once all
 * in its batch settle, so no write is left running unseen. Bounded, so that a large city never floods the table.
 */
export async function inBatches<T, R>(items: readonly T[], inFlight: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const answers: R[] = [];
  for (let start = 0; start < items.length; start += inFlight) {
    const settled = await Promise.allSettled(items.slice(start, start + inFlight).map(work));
    for (const outcome of settled) {
      if (outcome.status === 'rejected') throw outcome.reason;
      answers.push(outcome.value);
    }
  }
  return answers;
}
