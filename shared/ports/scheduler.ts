/** One-time schedules that start a workflow at a wall-clock time: EventBridge Scheduler in AWS, the local scheduler in `npm start`. */
export interface OneTimeSchedule {
  /** Unique and stable, e.g. `arshjul-2027-t1-period`: upserting the same name moves the schedule. */
  name: string;
  /** Local date and time in `timeZone`. */
  at: { date: string; time: string };
  timeZone: string;
  workflow: string;
  /** The execution's deterministic name, so a schedule that fires twice starts one execution. */
  executionName: string;
  input: Record<string, unknown>;
}

export interface Scheduler {
  upsert(schedule: OneTimeSchedule): Promise<void>;
  /** Removes a schedule; removing one that does not exist is fine. */
  remove(name: string): Promise<void>;
}
