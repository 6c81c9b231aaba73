/** The one way code reads time: the system clock in AWS, a controllable clock locally. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
