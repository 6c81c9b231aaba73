import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { EventBridgeScheduler } from '../adapters/scheduler/eventBridgeScheduler';
import type { Scheduler } from '../ports/scheduler';

let scheduler: Scheduler | undefined;

/** EventBridge Scheduler in AWS; the local stack swaps in its own scheduler. */
export function currentScheduler(): Scheduler {
  scheduler ??= new EventBridgeScheduler(new SchedulerClient({}), {
    groupName: process.env.SCHEDULE_GROUP ?? 'default',
    roleArn: process.env.SCHEDULER_ROLE_ARN ?? '',
    deadLetterArn: process.env.SCHEDULER_DLQ_ARN,
    stateMachineArn: (workflow) => process.env[`STATE_MACHINE_ARN_${workflow.toUpperCase()}`] ?? '',
  });
  return scheduler;
}

export function useScheduler(next: Scheduler | undefined): void {
  scheduler = next;
}
