import type { OneTimeSchedule, Scheduler } from '../../ports/scheduler';

/** One-time schedules by name, for use-case tests: upserting a name moves its schedule. */
export class MemoryScheduler implements Scheduler {
  readonly schedules = new Map<string, OneTimeSchedule>();

  async upsert(schedule: OneTimeSchedule): Promise<void> {
    this.schedules.set(schedule.name, structuredClone(schedule));
  }

  async remove(name: string): Promise<void> {
    this.schedules.delete(name);
  }
}
