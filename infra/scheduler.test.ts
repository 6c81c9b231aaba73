import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { allFunctions, type FunctionSpec } from '../functions/manifest';
import { probeTimerWorkflow } from './fixtures/probeTimerWorkflow';
import { cronExpression, SCHEDULE_RETRY } from './scheduler';
import { environmentOf, functionRole, logicalIdWithMetadata, resourcesOf, statementsOfRole, synthTemplates } from './testing';
import { stateMachineArnEnvVar, workflowModules } from './workflows';

// Fixtures besides the manifest: a function that manages one-time schedules without starting workflows
// itself, and one run by a recurring schedule; a workflow started by schedules (like Period).
const functions: FunctionSpec[] = [
  ...allFunctions,
  { id: 'ProbeTimerManager', entry: 'infra/fixtures/probeHandler.ts', routes: ['PUT /api/probe/timer'], auth: 'jwt', table: 'write', managesSchedules: true },
  { id: 'ProbeNightly', entry: 'infra/fixtures/probeHandler.ts', table: 'read', schedule: { cron: '30 2 * * ? *', timeZone: 'Europe/Stockholm' } },
];
const { api } = synthTemplates({ stage: 'dev', functions, workflows: [...workflowModules, probeTimerWorkflow] });
const schedules = () => resourcesOf(api, 'AWS::Scheduler::Schedule');
const [queueId] = Object.keys(resourcesOf(api, 'AWS::SQS::Queue'));
const schedulerRoleId = Object.entries(resourcesOf(api, 'AWS::IAM::Role')).find(([, role]) =>
  JSON.stringify(role.Properties.AssumeRolePolicyDocument).includes('scheduler.amazonaws.com'),
)![0];

describe('EventBridge Scheduler: recurring schedules', () => {
  it('creates one schedule per function with a `schedule`, in the stage group, at the given time zone, without a flexible window', () => {
    const scheduled = functions.filter((spec) => spec.schedule);
    expect(Object.keys(schedules())).toHaveLength(scheduled.length);
    for (const spec of scheduled) {
      const fnId = logicalIdWithMetadata(api, 'AWS::Lambda::Function', 'arshjul:id', spec.id);
      api.hasResourceProperties('AWS::Scheduler::Schedule', {
        Name: spec.id,
        GroupName: 'arshjul-dev',
        ScheduleExpression: cronExpression(spec.schedule!.cron),
        ScheduleExpressionTimezone: spec.schedule!.timeZone,
        FlexibleTimeWindow: { Mode: 'OFF' },
        State: 'ENABLED',
        Target: {
          Arn: { 'Fn::GetAtt': [fnId, 'Arn'] },
          RoleArn: { 'Fn::GetAtt': [schedulerRoleId, 'Arn'] },
          Input: '{"scheduledTime":"<aws.scheduler.scheduled-time>"}',
          RetryPolicy: { MaximumEventAgeInSeconds: SCHEDULE_RETRY.maximumEventAgeInSeconds, MaximumRetryAttempts: SCHEDULE_RETRY.maximumRetryAttempts },
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [queueId, 'Arn'] } },
        },
      });
    }
    api.hasResourceProperties('AWS::Scheduler::Schedule', { ScheduleExpression: 'cron(30 2 * * ? *)' });
  });

  it('sends events that keep failing to an encrypted dead-letter queue that refuses plain HTTP', () => {
    api.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
    api.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('reads six-field EventBridge cron expressions, with or without cron(…)', () => {
    expect(cronExpression('0 7 * * ? *')).toBe('cron(0 7 * * ? *)');
    expect(cronExpression('cron(0 7 * * ? *)')).toBe('cron(0 7 * * ? *)');
    expect(() => cronExpression('0 7 * * *')).toThrow(/six fields/);
  });
});

describe('EventBridge Scheduler: the execution role', () => {
  const statements = statementsOfRole(api, schedulerRoleId);

  it('may be assumed by EventBridge Scheduler for schedules of this account and group only', () => {
    const trust = resourcesOf(api, 'AWS::IAM::Role')[schedulerRoleId].Properties.AssumeRolePolicyDocument.Statement;
    expect(trust).toEqual([
      expect.objectContaining({
        Effect: 'Allow',
        Action: 'sts:AssumeRole',
        Principal: { Service: 'scheduler.amazonaws.com' },
        Condition: {
          StringEquals: {
            'aws:SourceAccount': { Ref: 'AWS::AccountId' },
            'aws:SourceArn': { 'Fn::Join': ['', expect.arrayContaining([':schedule-group/arshjul-dev'])] },
          },
        },
      }),
    ]);
  });

  it('may start only the workflows started by schedules, invoke only scheduled functions, and write to its DLQ', () => {
    const start = statements.find((s) => s.Action === 'states:StartExecution')!;
    const startArns = JSON.stringify(start.Resource);
    for (const workflow of [...workflowModules, probeTimerWorkflow]) {
      if (workflow.startedBySchedules) expect(startArns).toContain(`stateMachine:Arshjul-dev-Api-${workflow.id}"`);
      else expect(startArns).not.toContain(`stateMachine:Arshjul-dev-Api-${workflow.id}"`);
    }
    const invoke = statements.find((s) => s.Action === 'lambda:InvokeFunction')!;
    expect(invoke.Resource).toEqual(
      functions
        .filter((spec) => spec.schedule)
        .map((spec) => ({ 'Fn::GetAtt': [logicalIdWithMetadata(api, 'AWS::Lambda::Function', 'arshjul:id', spec.id), 'Arn'] })),
    );
    const sqs = statements.find((s) => [s.Action].flat().includes('sqs:SendMessage'))!;
    expect(sqs.Resource).toEqual({ 'Fn::GetAtt': [queueId, 'Arn'] });
    expect(statements.flatMap((s) => [s.Action].flat()).sort()).toEqual(
      ['lambda:InvokeFunction', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage', 'states:StartExecution'].sort(),
    );
  });
});

describe('EventBridge Scheduler: functions that manage one-time schedules', () => {
  it('get the group, the role, the DLQ and the ARN of each workflow schedules may start, but cannot start it themselves', () => {
    const env = environmentOf(api, 'ProbeTimerManager');
    expect(env.SCHEDULE_GROUP).toBe('arshjul-dev');
    expect(env.SCHEDULER_ROLE_ARN).toEqual({ 'Fn::GetAtt': [schedulerRoleId, 'Arn'] });
    expect(env.SCHEDULER_DLQ_ARN).toEqual({ 'Fn::GetAtt': [queueId, 'Arn'] });
    expect(JSON.stringify(env[stateMachineArnEnvVar('ProbeTimer')])).toContain('stateMachine:Arshjul-dev-Api-ProbeTimer');
    expect(env[stateMachineArnEnvVar('Review')]).toBeUndefined();
    const { statements } = functionRole(api, 'ProbeTimerManager');
    expect(statements.flatMap((s) => [s.Action].flat())).not.toContain('states:StartExecution');
  });

  it('may create, update, read and delete schedules of the Årshjul group only, and pass the scheduler role to the scheduler only', () => {
    const { statements } = functionRole(api, 'ProbeTimerManager');
    const manage = statements.find((s) => s.Sid === 'ManageArshjulSchedules')!;
    expect([manage.Action].flat().sort()).toEqual(['scheduler:CreateSchedule', 'scheduler:DeleteSchedule', 'scheduler:GetSchedule', 'scheduler:UpdateSchedule']);
    expect(manage.Resource).toEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':scheduler:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':schedule/arshjul-dev/*']],
    });
    const pass = statements.find((s) => s.Sid === 'PassSchedulerRole')!;
    expect(pass).toMatchObject({
      Action: 'iam:PassRole',
      Resource: { 'Fn::GetAtt': [schedulerRoleId, 'Arn'] },
      Condition: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
    });
  });
});
