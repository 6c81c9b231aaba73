import { ArnFormat, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { reviewDefinition } from '../workflows/review';

/** Metadata key on each `AWS::StepFunctions::StateMachine`: its workflow id, read back by local/synth.ts. */
export const WORKFLOW_ID_METADATA = 'arshjul:workflow';

/**
 * The environment variable carrying a state machine's ARN: `STATE_MACHINE_ARN_REVIEW` for `Review`.
 * The local stack sets the same names, so handlers read one variable in both places.
 */
export function stateMachineArnEnvVar(id: string): string {
  return `STATE_MACHINE_ARN_${id.toUpperCase()}`;
}

/**
 * A workflow whose definition lives in `workflows/`. `define` builds the states from the task
 * functions (by manifest id) and may use the table for direct DynamoDB tasks.
 */
export interface WorkflowModule {
  /** Construct id, PascalCase (`Review`); also the state machine's name in the local stack. */
  id: string;
  /**
   * Environment variable that hands the state machine ARN to functions with `workflow: 'start-and-callback'`;
   * must be `stateMachineArnEnvVar(id)`.
   */
  envVar: string;
  define(scope: Construct, fns: Record<string, lambda.IFunction>, table: dynamodb.ITable): sfn.IChainable;
}

/**
 * The registry of workflows to deploy. Empty until `workflows/review.ts` exists; then add
 * `{ id: 'Review', envVar: stateMachineArnEnvVar('Review'), define: reviewDefinition }`.
 */
export const workflowModules: WorkflowModule[] = [
  { id: 'Review', envVar: stateMachineArnEnvVar('Review'), define: (scope, fns) => reviewDefinition(scope, fns) },
];

export interface Workflow {
  id: string;
  envVar: string;
  stateMachine: sfn.StateMachine;
  /**
   * The ARN built from the explicit name rather than read from the resource: functions that start
   * executions may also be tasks of the same machine, and a `Ref` both ways would be a dependency cycle.
   */
  arn: string;
}

export interface AddWorkflowsOptions {
  modules?: WorkflowModule[];
  removalPolicy?: RemovalPolicy;
}

/** Creates one Standard state machine per workflow module. */
export function addWorkflows(
  scope: Construct,
  fns: Record<string, lambda.IFunction>,
  table: dynamodb.ITable,
  options: AddWorkflowsOptions = {},
): Workflow[] {
  const stack = Stack.of(scope);
  const modules = options.modules ?? workflowModules;
  const ids = new Set<string>();
  return modules.map((module) => {
    if (ids.has(module.id)) throw new Error(`Workflow id ${module.id} is registered twice`);
    ids.add(module.id);
    if (module.envVar !== stateMachineArnEnvVar(module.id)) {
      throw new Error(`Workflow ${module.id}: envVar must be ${stateMachineArnEnvVar(module.id)} (the local stack uses that name)`);
    }
    const name = `${stack.stackName}-${module.id}`;
    const logGroup = new logs.LogGroup(scope, `${module.id}StateMachineLogs`, {
      // The vended-logs prefix keeps CloudWatch's resource policy from growing with every state machine.
      logGroupName: `/aws/vendedlogs/states/${name}`,
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: options.removalPolicy ?? RemovalPolicy.RETAIN,
    });
    const stateMachine = new sfn.StateMachine(scope, module.id, {
      stateMachineName: name,
      stateMachineType: sfn.StateMachineType.STANDARD,
      definitionBody: sfn.DefinitionBody.fromChainable(module.define(scope, fns, table)),
      // Execution data carries task tokens and document content: log the events, not the data.
      logs: { destination: logGroup, level: sfn.LogLevel.ALL, includeExecutionData: false },
      tracingEnabled: true,
    });
    (stateMachine.node.defaultChild as sfn.CfnStateMachine).addMetadata(WORKFLOW_ID_METADATA, module.id);
    const arn = stack.formatArn({
      service: 'states',
      resource: 'stateMachine',
      resourceName: name,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    return { id: module.id, envVar: module.envVar, stateMachine, arn };
  });
}

/** Lets a function start executions of the workflows and complete their callback tasks, nothing else. */
export function grantStartAndCallback(fn: lambda.Function, workflows: Workflow[]): void {
  for (const workflow of workflows) fn.addEnvironment(workflow.envVar, workflow.arn);
  if (workflows.length === 0) return;
  const arns = workflows.map((workflow) => workflow.arn);
  fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['states:StartExecution'], resources: arns }));
  fn.addToRolePolicy(
    new iam.PolicyStatement({
      actions: ['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'],
      resources: arns,
    }),
  );
}
