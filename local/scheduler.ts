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
  /**
   * The first instant after `after` from which a run can have work (undefined: none until something changes). An
   * occurrence before it is one the job would have run through doing nothing: the scheduler records it as fired
   * without running it. Without it, every occurrence runs.
   */
  nextRun?(after: Date): Promise<Date | undefined>;
}

/** A scheduled event: the instant it is due, and how to fire it. */
export interface DueEvent {
  at: string;
  fire(): Promise<void>;
}

const SCHEDULES = 'LOCAL#SCHEDULES';
const RECURRING = 'LOCAL#RECURRING';

/**
 * The local EventBridge Scheduler: one-time schedules that start workflows, and recurring jobs, both
 * fired on the local clock, every missed occurrence in order, each exactly once (what has fired is kept in
 * DynamoDB Local, so a restart neither repeats nor skips one). A job that says when it next has work
 * (`nextRun`) runs only on those occurrences; the ones before are recorded as fired without running, so a
 * clock moved by years costs the days on which something is due, not every day.
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

  /** How many occurrences of each job ran, and how many were passed over as ones that would have done nothing. */
  readonly occurrences = new Map<string, { ran: number; skipped: number }>();

  /** Fires everything due up to the clock's time, oldest first; answers how many fired. */
  async runDue(): Promise<number> {
    let fired = 0;
    for (let next = await this.nextDue(this.clock.now()); next; next = await this.nextDue(this.clock.now())) {
      await next.fire();
      fired += 1;
    }
    await this.skipUntil(this.clock.now());
    return fired;
  }

  /**
   * The earliest event due up to `until`: a one-time schedule, or a job's next occurrence on which it can have work
   * (asked again after every event, since an event may give it some).
   */
  async nextDue(until: Date): Promise<DueEvent | undefined> {
    let next: DueEvent | undefined;
    const consider = (event: DueEvent) => {
      if (event.at <= until.toISOString() && (!next || event.at < next.at)) next = event;
    };
    const [schedules, occurrences] = await Promise.all([
      this.list(),
      Promise.all(this.jobs.map(async (job) => ({ job, ...(await this.nextOccurrenceOf(job, until)) }))),
    ]);
    for (const schedule of schedules) {
      consider({
        at: schedule.fireAt,
        fire: async () => {
          await this.workflow().start(schedule.workflow, schedule.executionName, schedule.input);
          await this.remove(schedule.name);
        },
      });
    }
    for (const { job, lastFired, occurrence } of occurrences) {
      if (!occurrence) continue;
      const scheduledTime = occurrence.toISOString();
      consider({
        at: scheduledTime,
        fire: async () => {
          const skipped = occurrencesBetween(job, lastFired, occurrence) - 1;
          await job.run({ scheduledTime });
          await this.recordFired(job, scheduledTime, 1, skipped);
        },
      });
    }
    return next;
  }

  /**
   * Records as fired every occurrence up to `until` that no event is left for: call it once nextDue(until) answers
   * nothing, when each of them is one its job would have run through doing nothing.
   */
  async skipUntil(until: Date): Promise<void> {
    for (const job of this.jobs) {
      if (!job.nextRun) continue;
      const lastFired = await this.lastFired(job, until);
      const last = lastOccurrence(job, lastFired, until);
      if (last) await this.recordFired(job, last.toISOString(), 0, occurrencesBetween(job, lastFired, last));
    }
  }

  private async nextOccurrenceOf(job: RecurringJob, until: Date): Promise<{ lastFired: Date; occurrence?: Date }> {
    const lastFired = await this.lastFired(job, until);
    return { lastFired, occurrence: await this.nextUsefulOccurrence(job, lastFired) };
  }

  private async lastFired(job: RecurringJob, fallback: Date): Promise<Date> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { PK: RECURRING, SK: job.id }, ConsistentRead: true }));
    return new Date((Item?.lastFired as string | undefined) ?? fallback.toISOString());
  }

  private async recordFired(job: RecurringJob, lastFired: string, ran: number, skipped: number): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { PK: RECURRING, SK: job.id, lastFired } }));
    const counts = this.occurrences.get(job.id) ?? { ran: 0, skipped: 0 };
    this.occurrences.set(job.id, { ran: counts.ran + ran, skipped: counts.skipped + Math.max(0, skipped) });
  }

  /** The first occurrence after `lastFired` on which the job can have work. */
  private async nextUsefulOccurrence(job: RecurringJob, lastFired: Date): Promise<Date | undefined> {
    if (!job.nextRun) return nextOccurrence(job, lastFired);
    const from = await job.nextRun(lastFired);
    if (!from) return undefined;
    // The first occurrence at or after `from` (and after lastFired).
    return nextOccurrence(job, new Date(Math.max(lastFired.getTime(), from.getTime() - 1)));
  }
}

/** Hours and minutes of a daily cron. */
function timeOf(job: Pick<RecurringJob, 'cron'>): string {
  const match = /^(\d{1,2}) (\d{1,2}) \* \* \? \*$/.exec(job.cron);
  if (!match) throw new Error(`The local scheduler runs daily crons only ("M H * * ? *"), not ${job.cron}`);
  return `${match[2]!.padStart(2, '0')}:${match[1]!.padStart(2, '0')}`;
}

/** The first occurrence of a daily cron after `after`. */
export function nextOccurrence(job: Pick<RecurringJob, 'cron' | 'timeZone'>, after: Date): Date {
  const time = timeOf(job);
  for (let day = localDate(after, job.timeZone); ; day = addDays(day, 1)) {
    const at = zonedInstant(day, time, job.timeZone);
    if (at.getTime() > after.getTime()) return at;
  }
}

/** The last occurrence after `after` and up to `until`, if there is one. */
function lastOccurrence(job: Pick<RecurringJob, 'cron' | 'timeZone'>, after: Date, until: Date): Date | undefined {
  const time = timeOf(job);
  for (let day = localDate(until, job.timeZone); ; day = addDays(day, -1)) {
    const at = zonedInstant(day, time, job.timeZone);
    if (at.getTime() <= after.getTime()) return undefined;
    if (at.getTime() <= until.getTime()) return at;
  }
}

/** How many occurrences fall after `after` and up to `until` (a daily cron: about one a day). */
function occurrencesBetween(job: Pick<RecurringJob, 'cron' | 'timeZone'>, after: Date, until: Date): number {
  const first = localDate(after, job.timeZone);
  const last = localDate(until, job.timeZone);
  const time = timeOf(job);
  let count = Math.round((Date.parse(`${last}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / 86_400_000) + 1;
  if (zonedInstant(first, time, job.timeZone).getTime() <= after.getTime()) count -= 1;
  if (zonedInstant(last, time, job.timeZone).getTime() > until.getTime()) count -= 1;
  return Math.max(0, count);
}

/** The occurrences of a daily cron after `after` and up to `until`. */
export function dailyOccurrences(job: Pick<RecurringJob, 'cron' | 'timeZone'>, after: Date, until: Date): Date[] {
  const occurrences: Date[] = [];
  for (let at = nextOccurrence(job, after); at.getTime() <= until.getTime(); at = nextOccurrence(job, at)) occurrences.push(at);
  return occurrences;
}
