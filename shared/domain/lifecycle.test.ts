import { describe, expect, it } from 'vitest';
import type { DocumentStatus } from '../schemas/common';
import type { Actor } from './actor';
import { Conflict } from './errors';
import {
  actionOnDecision,
  actionOnSubmit,
  allows,
  assertCycleOpen,
  assertDecidable,
  assertEditable,
  assertPlanApprovedFor,
  assertSubmittable,
  auditActions,
  isUnsubmitted,
  nextStatusOnDecision,
  nextStatusOnSave,
  nextStatusOnSubmit,
  transitions,
  transitionsFor,
  unsubmittedStatuses,
  type DocumentAction,
} from './lifecycle';

const statuses: DocumentStatus[] = ['not_started', 'draft', 'in_review', 'returned', 'approved'];
const outcome = (check: () => unknown) => {
  try {
    check();
    return 'ok';
  } catch (error) {
    expect(error).toBeInstanceOf(Conflict);
    return 409;
  }
};

describe('the transition table', () => {
  // Written out by hand, independently of the table: status, then what save, submit, approve, return lead to.
  type To = DocumentStatus | 409;
  const expected: Array<[DocumentStatus, save: To, submit: To, approve: To, ret: To]> = [
    ['not_started', 'draft', 409, 409, 409],
    ['draft', 'draft', 'in_review', 409, 409],
    ['in_review', 409, 409, 'approved', 'returned'],
    ['returned', 'returned', 'in_review', 409, 409],
    ['approved', 409, 409, 409, 409],
  ];

  it.each(expected)('%s: save → %s, submit → %s, approve → %s, return → %s', (status, save, submit, approve, ret) => {
    const to = (action: DocumentAction) => transitions.find((row) => row.from === status && row.action === action)?.to ?? 409;
    expect([to('save'), to('submit'), to('approve'), to('return')]).toEqual([save, submit, approve, ret]);
    expect(outcome(() => assertEditable(status))).toBe(save === 409 ? 409 : 'ok');
    expect(outcome(() => assertSubmittable(status))).toBe(submit === 409 ? 409 : 'ok');
    expect(outcome(() => assertDecidable(status))).toBe(approve === 409 ? 409 : 'ok');
    expect(save === 409 ? outcome(() => nextStatusOnSave(status)) : nextStatusOnSave(status)).toBe(save);
    expect(submit === 409 ? outcome(() => nextStatusOnSubmit(status)) : nextStatusOnSubmit(status)).toBe(submit);
  });

  it.each([
    ['save', 'documents.save'],
    ['submit', 'documents.submit'],
    ['approve', 'documents.decide'],
    ['return', 'documents.decide'],
    ['importOutcomes', 'outcomes.import'],
    ['copy', 'cycles.create'],
  ] as const)('every %s row is authorized as %s', (action, policy) => {
    const rows = transitions.filter((row) => row.action === action);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((row) => row.policy))).toEqual(new Set([policy]));
  });

  it('records one audit action per kind of event, and the sign-off besides', () => {
    expect(auditActions).toEqual(['saved', 'submitted', 'resubmitted', 'approved', 'returned', 'outcomes_imported', 'copied', 'signed_off']);
  });

  it.each([
    ['not_started', true],
    ['draft', true],
    ['in_review', false],
    ['returned', true],
    ['approved', false],
  ] as const)('%s is unsubmitted (late and reminded): %s', (status, unsubmitted) => {
    expect(isUnsubmitted(status)).toBe(unsubmitted);
    expect(unsubmittedStatuses.includes(status as never)).toBe(unsubmitted);
  });

  it.each([
    ['not_started', 'draft'],
    ['draft', 'draft'],
    ['returned', 'returned'],
  ] as const)('imported outcomes change a %s report as a save does (→ %s)', (status, to) => {
    expect(transitions.find((row) => row.from === status && row.action === 'importOutcomes')?.to).toBe(to);
    expect(nextStatusOnSave(status)).toBe(to);
  });
});

describe('refusals say what to do', () => {
  it.each([
    [() => assertEditable('in_review'), 'The document is in review and cannot be edited; wait for the reviewer to approve it or return it to you.'],
    [() => assertEditable('approved'), 'The document is approved and final; it can no longer be edited. Ask the reviewers if something must change.'],
    [() => assertSubmittable('not_started'), 'The document has not been started; save its content first, then submit it.'],
    [() => assertSubmittable('in_review'), 'The document is already in review; wait for the reviewer to approve it or return it.'],
    [() => assertSubmittable('approved'), 'The document is already approved; there is nothing to submit.'],
    [() => assertDecidable('draft'), 'Only a document in review can be approved or returned; this one is draft. Wait until the board submits it.'],
    [() => assertDecidable('approved'), 'Only a document in review can be approved or returned; this one is approved. Wait until the board submits it.'],
  ])('%#: %s', (check, message) => {
    expect(check).toThrow(Conflict);
    expect(check).toThrow(message);
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
});

describe('submits and decisions as the history records them', () => {
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

  it('a submit from a status without a submit row is refused, not recorded', () => {
    expect(() => actionOnSubmit('approved')).toThrow(Conflict);
  });
});

describe('what an actor may do to a document now (the web app shows these buttons)', () => {
  const editor: Actor = { sub: 'erik', role: 'editor', boards: ['bromma'] };
  const reviewer: Actor = { sub: 'rut', role: 'reviewer', boards: [] };
  const scopedReviewer: Actor = { sub: 'rut', role: 'reviewer', boards: ['farsta'] };
  const admin: Actor = { sub: 'anna', role: 'admin', boards: [] };
  const executive: Actor = { sub: 'ks', role: 'executive', boards: [] };
  it.each([
    ['editor, own board', editor, 'draft', 'bromma', ['save', 'submit']],
    ['editor, own board', editor, 'not_started', 'bromma', ['save']],
    ['editor, own board', editor, 'returned', 'bromma', ['save', 'submit']],
    ['editor, own board', editor, 'in_review', 'bromma', []],
    ['editor, other board', editor, 'draft', 'farsta', []],
    ['reviewer', reviewer, 'in_review', 'bromma', ['approve', 'return']],
    ['reviewer', reviewer, 'draft', 'bromma', []],
    ['reviewer scoped to another board', scopedReviewer, 'in_review', 'bromma', []],
    ['admin', admin, 'draft', 'bromma', ['importOutcomes']],
    ['executive', executive, 'in_review', 'bromma', []],
    ['nobody signed in', undefined, 'draft', 'bromma', []],
  ] as const)('%s on a %s document: %j', (_who, actor, status, boardId, actions) => {
    expect(transitionsFor(actor, status, { boardId, cycleState: 'open' }).map((row) => row.action)).toEqual(actions);
  });

  it('a signed-off year offers nothing', () => {
    expect(transitionsFor(editor, 'draft', { boardId: 'bromma', cycleState: 'signed_off' })).toEqual([]);
  });

  it('allows reads the table alone', () => {
    expect(allows('returned', 'submit')).toBe(true);
    expect(allows('approved', 'save')).toBe(false);
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
