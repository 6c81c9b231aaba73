import { ArnFormat, Duration, type RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { FunctionSpec } from '../functions/manifest';
import type { Workflow } from './workflows';

/** Input of every recurring schedule: the time it was due (the scheduler fills the placeholder in). */
export const SCHEDULED_INPUT = JSON.stringify({ scheduledTime: '<aws.scheduler.scheduled-time>' });

/** Environment of the functions that manage one-time schedules (manifest `managesSchedules`). */
export const SCHEDULE_GROUP_ENV = 'SCHEDULE_GROUP';
export const SCHEDULER_ROLE_ARN_ENV = 'SCHEDULER_ROLE_ARN';
export const SCHEDULER_DLQ_ARN_ENV = 'SCHEDULER_DLQ_ARN';

/** How the scheduler retries a target that fails, before the event goes to the dead-letter queue. */
export const SCHEDULE_RETRY = { maximumEventAgeInSeconds: 6 * 60 * 60, maximumRetryAttempts: 10 };

/** `0 6 * * ? *` or `cron(0 6 * * ? *)` → `cron(0 6 * * ? *)`; EventBridge cron has six fields. */
export function cronExpression(cron: string): string {
  const inner = /^cron\((.*)\)$/.exec(cron.trim())?.[1] ?? cron.trim();
  if (inner.split(/\s+/).length !== 6) throw new Error(`"${cron}" is not an EventBridge cron expression (six fields: min hour day month weekday year)`);
  return `cron(${inner})`;
}

export interface SchedulingProps {
  /** The stage's schedule group (created by the data stack, so pending one-time schedules survive the API stack). */
  groupName: string;
  specs: FunctionSpec[];
  functions: Record<string, lambda.Function>;
  workflows: Workflow[];
  removalPolicy: RemovalPolicy;
}

/**
 * EventBridge Scheduler for Årshjul: one execution role for every schedule of the stage's group, a
 * dead-letter queue for targets that keep failing, a recurring schedule per function with a `schedule`,
 * and what functions with `managesSchedules` need to create one-time schedules at run time (those start
 * workflows through the universal target `arn:aws:scheduler:::aws-sdk:sfn:startExecution`).
 */
export class Scheduling extends Construct {
  readonly role: iam.Role;
  readonly deadLetterQueue: sqs.Queue;
  readonly groupName: string;
  readonly groupArn: string;
  readonly schedules: Record<string, scheduler.CfnSchedule> = {};
  private readonly scheduledWorkflows: Workflow[];

  constructor(scope: Construct, id: string, props: SchedulingProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.groupName = props.groupName;
    this.groupArn = stack.formatArn({ service: 'scheduler', resource: 'schedule-group', resourceName: props.groupName });

    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      removalPolicy: props.removalPolicy,
    });

    // Confused-deputy guard: only schedules of this account's Årshjul group may assume the role.
    this.role = new iam.Role(this, 'Role', {
      description: `Årshjul: what the schedules in ${props.groupName} may invoke`,
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account, 'aws:SourceArn': this.groupArn } },
      }),
    });
    this.deadLetterQueue.grantSendMessages(this.role);

    this.scheduledWorkflows = props.workflows.filter((workflow) => workflow.startedBySchedules);
    if (this.scheduledWorkflows.length) {
      this.role.addToPolicy(
        new iam.PolicyStatement({
          sid: 'StartScheduledWorkflows',
          actions: ['states:StartExecution'],
          resources: this.scheduledWorkflows.map((workflow) => workflow.arn),
        }),
      );
    }

    const scheduled = props.specs.filter((spec) => spec.schedule);
    if (scheduled.length) {
      this.role.addToPolicy(
        new iam.PolicyStatement({
          sid: 'InvokeScheduledFunctions',
          actions: ['lambda:InvokeFunction'],
          resources: scheduled.map((spec) => props.functions[spec.id].functionArn),
        }),
      );
    }
    for (const spec of scheduled) {
      const fn = props.functions[spec.id];
      const schedule = new scheduler.CfnSchedule(this, `${spec.id}Schedule`, {
        name: spec.id,
        groupName: props.groupName,
        description: `Årshjul: runs ${spec.id} (${spec.schedule!.cron}, ${spec.schedule!.timeZone})`,
        scheduleExpression: cronExpression(spec.schedule!.cron),
        scheduleExpressionTimezone: spec.schedule!.timeZone,
        flexibleTimeWindow: { mode: 'OFF' },
        state: 'ENABLED',
        target: {
          arn: fn.functionArn,
          roleArn: this.role.roleArn,
          input: SCHEDULED_INPUT,
          retryPolicy: SCHEDULE_RETRY,
          deadLetterConfig: { arn: this.deadLetterQueue.queueArn },
        },
      });
      // The first run must find the role's permissions in place.
      schedule.node.addDependency(this.role);
      this.schedules[spec.id] = schedule;
    }
  }

  /**
   * Lets a function create, update, read and delete schedules in the Årshjul group only, and pass the
   * scheduler's role to them (to EventBridge Scheduler only). It gets the group, the role, the DLQ and
   * the ARN of each workflow that schedules may start (the target's `StateMachineArn`); it cannot start
   * those workflows itself unless its manifest entry says `startsWorkflows`.
   */
  grantManage(fn: lambda.Function): void {
    const stack = Stack.of(this);
    fn.addEnvironment(SCHEDULE_GROUP_ENV, this.groupName);
    fn.addEnvironment(SCHEDULER_ROLE_ARN_ENV, this.role.roleArn);
    fn.addEnvironment(SCHEDULER_DLQ_ARN_ENV, this.deadLetterQueue.queueArn);
    for (const workflow of this.scheduledWorkflows) fn.addEnvironment(workflow.envVar, workflow.arn);
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'ManageArshjulSchedules',
        actions: ['scheduler:CreateSchedule', 'scheduler:UpdateSchedule', 'scheduler:DeleteSchedule', 'scheduler:GetSchedule'],
        resources: [
          stack.formatArn({ service: 'scheduler', resource: 'schedule', resourceName: `${this.groupName}/*`, arnFormat: ArnFormat.SLASH_RESOURCE_NAME }),
        ],
      }),
    );
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'PassSchedulerRole',
        actions: ['iam:PassRole'],
        resources: [this.role.roleArn],
        conditions: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
      }),
    );
  }
}
