import { systemClock, type Clock } from '../ports/clock';

let clock: Clock = systemClock;

/** The clock every use case reads; the local stack swaps in its controllable clock. */
export function currentClock(): Clock {
  return clock;
}

export function useClock(next: Clock): void {
  clock = next;
}
