import { SFNClient } from '@aws-sdk/client-sfn';
import { StepFunctionsEngine } from '../adapters/sfn/stepFunctionsEngine';
import type { WorkflowEngine } from '../ports/workflow';

let engine: WorkflowEngine | undefined;

/** Step Functions, in AWS and locally (AWS_ENDPOINT_URL_SFN points at the local service). */
export function currentWorkflow(): WorkflowEngine {
  engine ??= new StepFunctionsEngine(new SFNClient({ maxAttempts: 4 }), (workflow) => {
    const arn = process.env[`STATE_MACHINE_ARN_${workflow.toUpperCase()}`];
    if (!arn) throw new Error(`STATE_MACHINE_ARN_${workflow.toUpperCase()} is not set`);
    return arn;
  });
  return engine;
}

export function useWorkflow(next: WorkflowEngine | undefined): void {
  engine = next;
}
