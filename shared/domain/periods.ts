/**
 * The reporting periods of a cycle, one workflow execution each (Step Functions' one-year limit and
 * 25,000-event history rule out one execution for the whole eighteen-month cycle).
 *
 * A period opens (the plan: when the cycle is opened; a report: REPORT_OPENS_DAYS_BEFORE days before it
 * is due) and closes at the start of the day after its due date, in the cycle's time zone; closing
 * records the boards that had not submitted.
 */
import type { DocumentKind } from '../schemas/common';
import type { Calendar } from '../schemas/cycles';
import { addDays, dueDateFor } from './calendar';
import { zonedInstant } from './zonedTime';

export const REPORT_OPENS_DAYS_BEFORE = 30;

export interface PeriodWindow {
  kind: DocumentKind;
  opensOn: string;
  closesOn: string;
  opensAt: Date;
  closesAt: Date;
}

export function periodWindow(calendar: Calendar, kind: DocumentKind, cycleOpenedOn: string): PeriodWindow {
  const due = dueDateFor(calendar, kind);
  const opensOn = kind === 'plan' ? cycleOpenedOn : addDays(due, -REPORT_OPENS_DAYS_BEFORE);
  const closesOn = addDays(due, 1);
  return {
    kind,
    opensOn,
    closesOn,
    opensAt: zonedInstant(opensOn, '00:00', calendar.timeZone),
    closesAt: zonedInstant(closesOn, '00:00', calendar.timeZone),
  };
}

/** Names that EventBridge Scheduler and Step Functions accept, stable per year and kind. */
export const periodScheduleName = (year: number, kind: DocumentKind) => `arshjul-${year}-${kind}-period`;
export const periodExecutionName = (year: number, kind: DocumentKind) => `period-${year}-${kind}`;
