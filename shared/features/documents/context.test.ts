import { describe, expect, it } from 'vitest';
import { storedDocument, YEAR } from '../../adapters/memory/fixtures';
import { documentView, restartAfterFailure, reviewExecutionName } from './context';

const plan = { year: YEAR, boardId: 'bromma', kind: 'plan' as const };

describe('document context', () => {
  it('names review executions deterministically, one name per restart', () => {
    expect(reviewExecutionName(plan)).toBe('plan-2027-bromma');
    expect(reviewExecutionName(plan, 2)).toBe('plan-2027-bromma-restart-2');
  });

  it('restarts only a workflow that failed, under the next restart name', () => {
    expect(restartAfterFailure(storedDocument(plan, { workflow: { executionName: 'plan-2027-bromma' } }))).toBeUndefined();
    expect(restartAfterFailure(storedDocument(plan, { workflow: { executionName: 'plan-2027-bromma-restart-1', restarts: 1, error: 'States.Timeout' } }))).toEqual({
      workflow: { executionName: 'plan-2027-bromma-restart-2', restarts: 2 },
      action: { type: 'start', workflow: 'review', executionName: 'plan-2027-bromma-restart-2', input: { document: plan } },
    });
  });

  it('shows a reader the failure of the workflow, never its execution details', () => {
    const view = documentView(storedDocument(plan, { workflow: { executionName: 'secret-name', failedAt: '2027-01-09T00:00:00.000Z', error: 'States.Timeout' } }));
    expect(view.workflow).toEqual({ status: 'failed', failedAt: '2027-01-09T00:00:00.000Z', error: 'States.Timeout' });
    expect(JSON.stringify(view)).not.toContain('secret-name');
  });
});
