import { describe, expect, it } from 'vitest';
import { zonedInstant } from './zonedTime';

describe('zonedInstant', () => {
  it.each([
    ['2027-01-31', '00:00', 'Europe/Stockholm', '2027-01-30T23:00:00.000Z'],
    ['2027-07-01', '07:00', 'Europe/Stockholm', '2027-07-01T05:00:00.000Z'],
    ['2027-03-28', '02:30', 'Europe/Stockholm', '2027-03-28T01:30:00.000Z'],
    ['2027-10-31', '12:00', 'Europe/Helsinki', '2027-10-31T10:00:00.000Z'],
    ['2027-06-01', '00:00', 'UTC', '2027-06-01T00:00:00.000Z'],
  ])('%s %s in %s is %s', (date, time, zone, expected) => {
    expect(zonedInstant(date, time, zone).toISOString()).toBe(expected);
  });
});
