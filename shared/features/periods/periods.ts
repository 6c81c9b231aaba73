import { localDate } from '../../domain/calendar';
import { isUnsubmitted } from '../../domain/lifecycle';
import { periodExecutionName, periodScheduleName, periodWindow } from '../../domain/periods';
import type { BoardRepository } from '../../ports/boardRepository';
import type { Clock } from '../../ports/clock';
import type { CycleRepository, StoredCycle } from '../../ports/cycleRepository';
import type { DocumentStore } from '../../ports/documentStore';
import type { Scheduler } from '../../ports/scheduler';
import type { WorkflowEngine } from '../../ports/workflow';
import { documentKinds, type DocumentKind } from '../../schemas/common';
import { requireCycle } from '../cycles/cycles';

/**
 * Makes the period schedules match the cycle's calendar: a period whose opening is still ahead gets a
 * one-time schedule (moved when the calendar changes); one that should be open already is started now.
 * Safe to repeat: schedules are upserted by name and executions started by deterministic name.
 */
export async function syncPeriodSchedules(cycle: StoredCycle, deps: { scheduler: Scheduler; workflow: WorkflowEngine; clock: Clock }): Promise<void> {
  if (cycle.state !== 'open') return;
  const openedOn = localDate(new Date(cycle.createdAt), cycle.calendar.timeZone);
  for (const kind of documentKinds) {
    const window = periodWindow(cycle.calendar, kind, openedOn);
    const name = periodScheduleName(cycle.year, kind);
    const executionName = periodExecutionName(cycle.year, kind);
    const input = { period: { year: cycle.year, kind } };
    if (window.opensAt.getTime() <= deps.clock.now().getTime()) {
      await deps.workflow.start('period', executionName, input);
      await deps.scheduler.remove(name);
    } else {
      await deps.scheduler.upsert({ name, at: { date: window.opensOn, time: '00:00' }, timeZone: cycle.calendar.timeZone, workflow: 'period', executionName, input });
    }
  }
}

/** The period workflow's first step: records the opening and answers when it closes under today's calendar. */
export async function openPeriod(
  period: { year: number; kind: DocumentKind },
  deps: { cycles: CycleRepository; clock: Clock },
): Promise<{ closed: false; closesAt: string }> {
  const cycle = await requireCycle(period.year, deps.cycles);
  const window = periodWindow(cycle.calendar, period.kind, localDate(new Date(cycle.createdAt), cycle.calendar.timeZone));
  const existing = (await deps.cycles.periods(period.year)).find((record) => record.kind === period.kind);
  await deps.cycles.recordPeriod(period.year, period.kind, {
    openedAt: existing?.openedAt ?? deps.clock.now().toISOString(),
    closesAt: window.closesAt.toISOString(),
  });
  return { closed: false, closesAt: window.closesAt.toISOString() };
}

/**
 * The period workflow's last step: if the deadline moved later meanwhile, answers the new closing time
 * (the workflow waits again); otherwise closes the period and records who was late.
 */
export async function closePeriod(
  period: { year: number; kind: DocumentKind },
  deps: { cycles: CycleRepository; boards: BoardRepository; documents: DocumentStore; clock: Clock },
): Promise<{ closed: boolean; closesAt: string; late: number }> {
  const cycle = await requireCycle(period.year, deps.cycles);
  const window = periodWindow(cycle.calendar, period.kind, localDate(new Date(cycle.createdAt), cycle.calendar.timeZone));
  const now = deps.clock.now();
  if (window.closesAt.getTime() > now.getTime()) {
    await deps.cycles.recordPeriod(period.year, period.kind, { closesAt: window.closesAt.toISOString() });
    return { closed: false, closesAt: window.closesAt.toISOString(), late: 0 };
  }
  const [boards, entries] = await Promise.all([deps.boards.directory(), deps.documents.statuses(period.year)]);
  const status = new Map(entries.filter((entry) => entry.kind === period.kind).map((entry) => [entry.boardId, entry.status]));
  const late = boards.filter((board) => isUnsubmitted(status.get(board.boardId) ?? 'not_started')).map((board) => board.boardId);
  await deps.cycles.recordPeriod(period.year, period.kind, { closedAt: now.toISOString(), closesAt: window.closesAt.toISOString(), late });
  return { closed: true, closesAt: window.closesAt.toISOString(), late: late.length };
}
