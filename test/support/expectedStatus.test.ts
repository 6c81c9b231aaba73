import { describe, expect, it } from 'vitest';
import type { Role } from '../../shared/domain/actor';
import type { Action } from '../../shared/domain/authorization';
import { expectedStatus } from './expectedStatus';

describe('expectedStatus', () => {
  it.each([
    ['anonymous', 'boards.list', true, false, 401],
    ['editor', 'documents.save', true, false, 200],
    ['editor', 'documents.save', false, false, 403],
    ['admin', 'documents.read', false, false, 200],
    ['reviewer', 'documents.decide', false, false, 200],
    ['reviewer', 'documents.decide', true, true, 200],
    ['reviewer', 'documents.decide', false, true, 403],
    ['executive', 'signoff', true, false, 200],
    ['admin', 'signoff', true, false, 403],
  ] as const satisfies ReadonlyArray<readonly [Role | 'anonymous', Action, boolean, boolean, number]>)(
    '%s on %s (own board: %s, scoped reviewer: %s) → %i',
    (role, action, own, scopedReviewer, status) => {
      expect(expectedStatus(role, action, own, { scopedReviewer })).toBe(status);
    },
  );
});
