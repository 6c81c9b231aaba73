import { Annotations, ArnFormat, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { periodDefinition } from '../workflows/period';
import { reviewDefinition } from '../workflows/review';
import { stateMachineArnEnvVar } from '../shared/composition/environment';

export { stateMachineArnEnvVar };

/** Metadata key on each `AWS::StepFunctions::StateMachine`: its workflow id, read back by local/synth.ts. */
export const WORKFLOW_ID_METADATA = 'arshjul:workflow';

/**
 * A workflow whose definition lives in `workflows/`. `define` builds the states from the task
 * functions (by manifest id) and may use the table for direct DynamoDB tasks.
 */
export interface WorkflowModule {
  /** Construct id, PascalCase (`Review`); also the state machine's name in the local stack. */
  id: string;
  /**
   * Environment variable that hands the state machine ARN to the functions that start it or complete its
   * callbacks (manifest `startsWorkflows` / `completesCallbacks`); must be `stateMachineArnEnvVar(id)`.
   */
  envVar: string;
  /**
   * Executions are started by one-time EventBridge Scheduler schedules (created at run time by the API
   * with the universal target `sfn:startExecution`): the scheduler's role may start this state machine,
   * and functions that manage schedules get its ARN to put in the schedule's target.
   */
  startedBySchedules?: boolean;
  define(scope: Construct, fns: Record<string, lambda.IFunction>, table: dynamodb.ITable): sfn.IChainable;
}

/** The registry of workflows to deploy, one entry per definition in `workflows/`. */
export const workflowModules: WorkflowModule[] = [
  { id: 'Review', envVar: stateMachineArnEnvVar('Review'), define: (scope, fns) => reviewDefinition(scope, fns) },
  { id: 'Period', envVar: stateMachineArnEnvVar('Period'), define: (scope, fns) => periodDefinition(scope, fns), startedBySchedules: true },
];

export interface Workflow {
  id: string;
  envVar: string;
  startedBySchedules: boolean;
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
      throw new Error(`Workflow ${module.id}: envVar must be ${stateMachineArnEnvVar(module.id)} (the cloud composition root reads that name)`);
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
    return { id: module.id, envVar: module.envVar, startedBySchedules: module.startedBySchedules ?? false, stateMachine, arn };
  });
}

export interface WorkflowUse {
  /** Workflows whose executions the function starts (manifest `startsWorkflows`). */
  starts?: readonly string[];
  /** Workflows whose waiting tasks the function completes (manifest `completesCallbacks`). */
  completes?: readonly string[];
}

/**
 * Grants a function exactly what its manifest entry says about workflows: `states:StartExecution` on the
 * state machines it starts, `states:SendTask*` on those whose callbacks it completes, and the ARN
 * environment variable of each of those workflows only.
 *
 * Callback actions: the Service Authorization Reference lists no resource type for SendTaskSuccess/
 * Failure/Heartbeat (which would mean `*`), yet IAM evaluates them against the state machine of the
 * task token's execution, and CDK's own `StateMachine.grantTaskResponse` scopes them to the state
 * machine ARN; so do we, which keeps a function from completing another workflow's tasks.
 *
 * An id that names no deployed workflow is an error annotation (the real `cdk synth` fails on it), since
 * the handler would find no ARN at run time.
 */
export function grantWorkflowUse(fn: lambda.Function, use: WorkflowUse, workflows: Workflow[]): void {
  const byId = new Map(workflows.map((workflow) => [workflow.id, workflow]));
  const resolve = (ids: readonly string[] = []) =>
    ids.flatMap((id) => {
      const workflow = byId.get(id);
      if (!workflow) {
        Annotations.of(fn).addError(`${fn.node.id} names workflow "${id}", which is not registered in infra/workflows.ts`);
        return [];
      }
      return [workflow];
    });
  const starts = resolve(use.starts);
  const completes = resolve(use.completes);
  for (const workflow of new Set([...starts, ...completes])) fn.addEnvironment(workflow.envVar, workflow.arn);
  if (starts.length) {
    fn.addToRolePolicy(
      new iam.PolicyStatement({ sid: 'StartWorkflows', actions: ['states:StartExecution'], resources: starts.map((workflow) => workflow.arn) }),
    );
  }
  if (completes.length) {
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'CompleteWorkflowCallbacks',
        actions: ['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'],
        resources: completes.map((workflow) => workflow.arn),
      }),
    );
  }
}
