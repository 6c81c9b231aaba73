import {
  ConflictException,
  CreateScheduleCommand,
  DeleteScheduleCommand,
  ResourceNotFoundException,
  SchedulerClient,
  UpdateScheduleCommand,
  type CreateScheduleCommandInput,
} from '@aws-sdk/client-scheduler';
import type { OneTimeSchedule, Scheduler } from '../../ports/scheduler';

/**
 * One-time EventBridge Scheduler schedules in the cycle's time zone, whose universal target starts the
 * workflow with a deterministic execution name (the templated Step Functions target cannot name it).
 */
export class EventBridgeScheduler implements Scheduler {
  constructor(
    private readonly client: SchedulerClient,
    private readonly settings: { groupName: string; roleArn: string; deadLetterArn?: string; stateMachineArn: (workflow: string) => string },
  ) {}

  async upsert(schedule: OneTimeSchedule): Promise<void> {
    const input: CreateScheduleCommandInput = {
      Name: schedule.name,
      GroupName: this.settings.groupName,
      ScheduleExpression: `at(${schedule.at.date}T${schedule.at.time}:00)`,
      ScheduleExpressionTimezone: schedule.timeZone,
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      Target: {
        Arn: 'arn:aws:scheduler:::aws-sdk:sfn:startExecution',
        RoleArn: this.settings.roleArn,
        Input: JSON.stringify({
          StateMachineArn: this.settings.stateMachineArn(schedule.workflow),
          Name: schedule.executionName,
          Input: JSON.stringify(schedule.input),
        }),
        RetryPolicy: { MaximumEventAgeInSeconds: 86_400, MaximumRetryAttempts: 10 },
        ...(this.settings.deadLetterArn ? { DeadLetterConfig: { Arn: this.settings.deadLetterArn } } : {}),
      },
    };
    try {
      await this.client.send(new CreateScheduleCommand(input));
    } catch (error) {
      if (!(error instanceof ConflictException)) throw error;
      await this.client.send(new UpdateScheduleCommand(input));
    }
  }

  async remove(name: string): Promise<void> {
    try {
      await this.client.send(new DeleteScheduleCommand({ Name: name, GroupName: this.settings.groupName }));
    } catch (error) {
      if (!(error instanceof ResourceNotFoundException)) throw error;
    }
  }
}
