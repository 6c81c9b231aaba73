/** The workflow engine as the use cases see it: Step Functions in AWS and locally. */
export interface WorkflowEngine {
  /** Starts an execution with a deterministic name; starting the same name again is harmless. */
  start(workflow: string, executionName: string, input: unknown): Promise<{ executionArn: string }>;
  /**
   * Completes a callback task. The token is read from the table, never from a request. Throws TaskAlreadySettled
   * when the task no longer waits (completed, timed out, or unknown).
   */
  completeTask(token: string, output: unknown): Promise<void>;
}

/** The task is no longer waiting, so the callback has nothing left to do. */
export class TaskAlreadySettled extends Error {
  constructor(reason: string) {
    super(`the workflow task is no longer waiting (${reason})`);
    this.name = 'TaskAlreadySettled';
  }
}
