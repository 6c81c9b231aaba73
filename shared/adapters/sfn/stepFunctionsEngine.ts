import { ExecutionAlreadyExists, SendTaskSuccessCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { TaskAlreadySettled, type WorkflowEngine } from '../../ports/workflow';

/** Settled or unknown tokens: the task is no longer waiting, so the callback has nothing left to do. */
const settledTokenErrors = new Set(['TaskDoesNotExist', 'TaskTimedOut', 'InvalidToken']);

export class StepFunctionsEngine implements WorkflowEngine {
  constructor(
    private readonly client: SFNClient,
    private readonly stateMachineArn: (workflow: string) => string,
  ) {}

  async start(workflow: string, executionName: string, input: unknown): Promise<{ executionArn: string }> {
    const stateMachineArn = this.stateMachineArn(workflow);
    try {
      const { executionArn } = await this.client.send(new StartExecutionCommand({ stateMachineArn, name: executionName, input: JSON.stringify(input) }));
      return { executionArn: executionArn! };
    } catch (error) {
      // A deterministic name makes a second start of the same document's workflow a no-op.
      if (error instanceof ExecutionAlreadyExists) {
        return { executionArn: stateMachineArn.replace(':stateMachine:', ':execution:') + `:${executionName}` };
      }
      throw error;
    }
  }

  async completeTask(token: string, output: unknown): Promise<void> {
    try {
      await this.client.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify(output) }));
    } catch (error) {
      const name = (error as { name?: string }).name ?? '';
      if (settledTokenErrors.has(name)) throw new TaskAlreadySettled(name);
      throw error;
    }
  }
}
