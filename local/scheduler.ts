import { DeleteCommand, GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { addDays, localDate } from '../shared/domain/calendar';
import { zonedInstant } from '../shared/domain/zonedTime';
import type { Clock } from '../shared/ports/clock';
import type { OneTimeSchedule, Scheduler } from '../shared/ports/scheduler';
import type { WorkflowEngine } from '../shared/ports/workflow';

export interface RecurringJob {
  id: string;
  /** EventBridge Scheduler cron, of the daily form `M H * * ? *`. */
  cron: string;
  timeZone: string;
  run(input: { scheduledTime: string }): Promise<unknown>;
}

const SCHEDULES = 'LOCAL#SCHEDULES';
const RECURRING = 'LOCAL#RECURRING';

/**
 * The local EventBridge Scheduler: one-time schedules that start workflows, and recurring jobs, both
 * fired on the local clock by runDue(), every missed occurrence in order, each exactly once (what has
 * fired is kept in DynamoDB Local, so a restart neither repeats nor skips one).
 */
export class LocalScheduler implements Scheduler {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly clock: Clock,
    private readonly workflow: () => WorkflowEngine,
    private readonly jobs: RecurringJob[],
  ) {}

  async upsert(schedule: OneTimeSchedule): Promise<void> {
    const at = zonedInstant(schedule.at.date, schedule.at.time, schedule.timeZone).toISOString();
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { PK: SCHEDULES, SK: schedule.name, at, schedule } }));
  }

  async remove(name: string): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: { PK: SCHEDULES, SK: name } }));
  }

  async list(): Promise<Array<OneTimeSchedule & { fireAt: string }>> {
    const { Items } = await this.db.send(
      new QueryCommand({ TableName: this.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': SCHEDULES }, ConsistentRead: true }),
    );
    return (Items ?? []).map((item) => ({ ...(item.schedule as OneTimeSchedule), fireAt: item.at as string }));
  }

  /** Starts the recurring jobs' clocks at the current time on first use, so nothing from before is replayed. */
  async start(): Promise<void> {
    for (const job of this.jobs) {
      await this.db
        .send(
          new PutCommand({
            TableName: this.tableName,
            Item: { PK: RECURRING, SK: job.id, lastFired: this.clock.now().toISOString() },
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
        )
        .catch((error: { name?: string }) => {
          if (error.name !== 'ConditionalCheckFailedException') throw error;
        });
    }
  }

  /** Fires everything due up to the clock's time, oldest first; answers how many fired. */
  async runDue(): Promise<number> {
    const due = await this.dueUntil(this.clock.now());
    for (const event of due) await event.fire();
    return due.length;
  }

  /** What is due up to `until`, oldest first, each with the instant it is due and how to fire it. */
  async dueUntil(until: Date): Promise<Array<{ at: string; fire: () => Promise<void> }>> {
    const now = until;
    const due: Array<{ at: string; fire: () => Promise<void> }> = [];
    for (const schedule of await this.list()) {
      if (schedule.fireAt > now.toISOString()) continue;
      due.push({
        at: schedule.fireAt,
        fire: async () => {
          await this.workflow().start(schedule.workflow, schedule.executionName, schedule.input);
          await this.remove(schedule.name);
        },
      });
    }
    for (const job of this.jobs) {
      const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { PK: RECURRING, SK: job.id }, ConsistentRead: true }));
      const lastFired = (Item?.lastFired as string | undefined) ?? now.toISOString();
      for (const occurrence of dailyOccurrences(job, new Date(lastFired), now)) {
        const scheduledTime = occurrence.toISOString();
        due.push({
          at: scheduledTime,
          fire: async () => {
            await job.run({ scheduledTime });
            await this.db.send(new PutCommand({ TableName: this.tableName, Item: { PK: RECURRING, SK: job.id, lastFired: scheduledTime } }));
          },
        });
      }
    }
    return due.sort((a, b) => a.at.localeCompare(b.at));
  }
}

/** The occurrences of a daily cron after `after` and up to `until`. */
export function dailyOccurrences(job: Pick<RecurringJob, 'cron' | 'timeZone'>, after: Date, until: Date): Date[] {
  const match = /^(\d{1,2}) (\d{1,2}) \* \* \? \*$/.exec(job.cron);
  if (!match) throw new Error(`The local scheduler runs daily crons only ("M H * * ? *"), not ${job.cron}`);
  const time = `${match[2]!.padStart(2, '0')}:${match[1]!.padStart(2, '0')}`;
  const occurrences: Date[] = [];
  for (let day = localDate(after, job.timeZone); ; day = addDays(day, 1)) {
    const at = zonedInstant(day, time, job.timeZone);
    if (at.getTime() > until.getTime()) break;
    if (at.getTime() > after.getTime()) occurrences.push(at);
  }
  return occurrences;
}
