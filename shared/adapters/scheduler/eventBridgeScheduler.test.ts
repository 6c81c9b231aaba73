import { ConflictException, CreateScheduleCommand, SchedulerClient, UpdateScheduleCommand } from '@aws-sdk/client-scheduler';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { EventBridgeScheduler } from './eventBridgeScheduler';

describe('EventBridgeScheduler', () => {
  const scheduler = mockClient(SchedulerClient);
  afterEach(() => scheduler.reset());
  const adapter = new EventBridgeScheduler(new SchedulerClient({}), {
    groupName: 'arshjul-prod',
    roleArn: 'arn:aws:iam::111122223333:role/scheduler',
    deadLetterArn: 'arn:aws:sqs:eu-north-1:111122223333:dlq',
    stateMachineArn: (workflow) => `arn:aws:states:eu-north-1:111122223333:stateMachine:Arshjul-prod-Api-${workflow}`,
  });
  const schedule = {
    name: 'arshjul-2027-t1-period',
    at: { date: '2027-04-15', time: '00:00' },
    timeZone: 'Europe/Stockholm',
    workflow: 'Period',
    executionName: 'period-2027-t1',
    input: { period: { year: 2027, kind: 't1' } },
  };

  it('creates a one-time schedule in the cycle time zone that starts the workflow under its deterministic name', async () => {
    scheduler.on(CreateScheduleCommand).resolves({});
    await adapter.upsert(schedule);
    const input = scheduler.commandCalls(CreateScheduleCommand)[0]!.args[0].input;
    expect(input).toMatchObject({
      Name: 'arshjul-2027-t1-period',
      GroupName: 'arshjul-prod',
      ScheduleExpression: 'at(2027-04-15T00:00:00)',
      ScheduleExpressionTimezone: 'Europe/Stockholm',
      ActionAfterCompletion: 'DELETE',
      Target: { Arn: 'arn:aws:scheduler:::aws-sdk:sfn:startExecution', DeadLetterConfig: { Arn: 'arn:aws:sqs:eu-north-1:111122223333:dlq' } },
    });
    expect(JSON.parse(input.Target!.Input!)).toEqual({
      StateMachineArn: 'arn:aws:states:eu-north-1:111122223333:stateMachine:Arshjul-prod-Api-Period',
      Name: 'period-2027-t1',
      Input: JSON.stringify({ period: { year: 2027, kind: 't1' } }),
    });
  });

  it('moves an existing schedule when the calendar changes', async () => {
    scheduler.on(CreateScheduleCommand).rejects(new ConflictException({ message: 'exists', Message: 'exists', $metadata: {} }));
    scheduler.on(UpdateScheduleCommand).resolves({});
    await adapter.upsert({ ...schedule, at: { date: '2027-04-29', time: '00:00' } });
    expect(scheduler.commandCalls(UpdateScheduleCommand)[0]!.args[0].input.ScheduleExpression).toBe('at(2027-04-29T00:00:00)');
  });
});
