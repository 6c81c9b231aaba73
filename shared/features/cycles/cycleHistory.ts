import type { CycleEvent, CycleRepository } from '../../ports/cycleRepository';
import { requireCycle } from './cycles';

export interface CycleHistory {
  year: number;
  events: CycleEvent[];
}

/** The cycle's own audit trail (opened, council goals replaced, calendar changes, sign-off), oldest first; 404 without the cycle. */
export async function cycleHistory(year: number, deps: { cycles: CycleRepository }): Promise<CycleHistory> {
  const [, events] = await Promise.all([requireCycle(year, deps.cycles), deps.cycles.events(year)]);
  const ordered = [...events].sort((a, b) => a.at.localeCompare(b.at));
  return {
    year,
    events: ordered.map((event) => ({
      at: event.at,
      actor: event.actor,
      ...(event.actorName ? { actorName: event.actorName } : {}),
      role: event.role,
      action: event.action,
      ...(event.comment ? { comment: event.comment } : {}),
      ...(event.details ? { details: event.details } : {}),
    })),
  };
}
