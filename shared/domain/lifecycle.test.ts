import { describe, expect, it } from 'vitest';
import type { DocumentStatus } from '../schemas/common';
import { Conflict } from './errors';
import {
  actionOnDecision,
  actionOnSubmit,
  assertCycleOpen,
  assertDecidable,
  assertEditable,
  assertPlanApprovedFor,
  assertSubmittable,
  isUnsubmitted,
  nextStatusOnDecision,
  nextStatusOnSave,
  nextStatusOnSubmit,
} from './lifecycle';

const statuses: DocumentStatus[] = ['not_started', 'draft', 'in_review', 'returned', 'approved'];
const outcome = (check: () => void) => {
  try {
    check();
    return 'ok';
  } catch (error) {
    expect(error).toBeInstanceOf(Conflict);
    return 409;
  }
};

describe('which status allows what', () => {
  const table: Array<[DocumentStatus, 'ok' | 409, 'ok' | 409, 'ok' | 409, boolean]> = [
    // status, edit, submit, decide, unsubmitted (late and reminded)
    ['not_started', 'ok', 409, 409, true],
    ['draft', 'ok', 'ok', 409, true],
    ['in_review', 409, 409, 'ok', false],
    ['returned', 'ok', 'ok', 409, true],
    ['approved', 409, 409, 409, false],
  ];
  it.each(table)('%s: edit %s, submit %s, decide %s, unsubmitted %s', (status, edit, submit, decide, unsubmitted) => {
    expect(outcome(() => assertEditable(status))).toBe(edit);
    expect(outcome(() => assertSubmittable(status))).toBe(submit);
    expect(outcome(() => assertDecidable(status))).toBe(decide);
    expect(isUnsubmitted(status)).toBe(unsubmitted);
  });

  it.each(statuses)('nothing is allowed on a %s document once the cycle is signed off', (status) => {
    const cycle = { year: 2027, state: 'signed_off' as const };
    for (const check of [assertEditable, assertSubmittable, assertDecidable]) {
      expect(() => check(status, cycle)).toThrow(/2027 cycle is signed off/);
    }
  });

  it('an open cycle changes nothing', () => {
    expect(() => assertCycleOpen({ year: 2027, state: 'open' })).not.toThrow();
    expect(() => assertEditable('draft', { year: 2027, state: 'open' })).not.toThrow();
  });

  it('tells the editor what to do', () => {
    expect(() => assertEditable('in_review')).toThrow(/wait for the reviewer/);
    expect(() => assertSubmittable('not_started')).toThrow(/save its content first/);
  });
});

describe('transitions', () => {
  it.each([
    ['not_started', 'draft'],
    ['draft', 'draft'],
    ['returned', 'returned'],
  ] as const)('saving a %s document leaves it %s', (from, to) => expect(nextStatusOnSave(from)).toBe(to));

  it.each([
    ['draft', 'in_review', 'submitted'],
    ['returned', 'in_review', 'resubmitted'],
  ] as const)('submitting a %s document makes it %s, recorded as %s', (from, to, action) => {
    expect(nextStatusOnSubmit(from)).toBe(to);
    expect(actionOnSubmit(from)).toBe(action);
  });

  it.each([
    ['approve', 'approved', 'approved'],
    ['return', 'returned', 'returned'],
  ] as const)('a decision to %s makes it %s, recorded as %s', (decision, to, action) => {
    expect(nextStatusOnDecision(decision)).toBe(to);
    expect(actionOnDecision(decision)).toBe(action);
  });
});

describe('reports need an approved plan', () => {
  it.each([
    ['plan', 'not_started', 'ok'],
    ['t1', 'approved', 'ok'],
    ['t1', 'in_review', 409],
    ['t2', 'returned', 409],
    ['annual', 'draft', 409],
  ] as const)('submitting %s with the plan %s: %s', (kind, planStatus, expected) => {
    expect(outcome(() => assertPlanApprovedFor(kind, planStatus))).toBe(expected);
  });
});
