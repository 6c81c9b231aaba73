import { TaskAlreadySettled, type WorkflowEngine } from '../../ports/workflow';

/**
 * A workflow engine that runs nothing, for use-case tests: it records executions by their deterministic name (a
 * second start of a name is harmless, as in Step Functions), and completes each task token once; a token completed
 * again, or never handed out by `waitingTask`, is settled. `unavailable` makes every call fail, as a throttled or
 * unreachable engine does.
 */
export class MemoryWorkflowEngine implements WorkflowEngine {
  readonly executions = new Map<string, { workflow: string; input: unknown }>();
  readonly completed = new Map<string, unknown>();
  private readonly waiting = new Set<string>();
  unavailable = false;

  async start(workflow: string, executionName: string, input: unknown): Promise<{ executionArn: string }> {
    this.failWhenUnavailable();
    if (!this.executions.has(executionName)) this.executions.set(executionName, { workflow, input: structuredClone(input) });
    return { executionArn: `arn:memory:execution:${workflow}:${executionName}` };
  }

  async completeTask(token: string, output: unknown): Promise<void> {
    this.failWhenUnavailable();
    if (!this.waiting.delete(token)) throw new TaskAlreadySettled('TaskDoesNotExist');
    this.completed.set(token, structuredClone(output));
  }

  /** A task that waits for its token, as a callback task of the review workflow does. */
  waitingTask(token: string): string {
    this.waiting.add(token);
    return token;
  }

  private failWhenUnavailable(): void {
    if (this.unavailable) throw Object.assign(new Error('the workflow engine is unavailable'), { name: 'ServiceUnavailable' });
  }
}
