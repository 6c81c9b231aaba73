import {
  CouncilGoalsRefused,
  CycleChanged,
  type CycleEvent,
  type CycleRepository,
  type CycleSettingName,
  type CycleSettings,
  SettingRefused,
  type PeriodRecord,
  type StoredCouncilGoals,
  type StoredCycle,
} from '../../ports/cycleRepository';
import { byKey, copy, pad, type MemoryTable } from './table';

export class MemoryCycleRepository implements CycleRepository {
  constructor(private readonly table: MemoryTable) {}

  async get(year: number): Promise<StoredCycle | undefined> {
    const cycle = this.table.cycles.get(year);
    return cycle && copy(cycle);
  }

  async create(cycle: StoredCycle, event: CycleEvent): Promise<boolean> {
    if (this.table.cycles.has(cycle.year)) return false;
    const eventKey = this.eventKey(cycle.year, event, `cycle#${pad(cycle.version)}`);
    this.table.cycles.set(cycle.year, copy(cycle));
    this.appendEvent(cycle.year, eventKey, event);
    return true;
  }

  async update(cycle: StoredCycle, expectedVersion: number, event: CycleEvent): Promise<void> {
    const stored = this.table.cycles.get(cycle.year);
    if (!stored || stored.version !== expectedVersion || stored.state !== 'open') throw new CycleChanged(cycle.year);
    const eventKey = this.eventKey(cycle.year, event, `cycle#${pad(cycle.version)}`);
    // The approved-plans counter and the summary's size stay as stored, as the table's field-by-field update keeps them.
    this.table.cycles.set(cycle.year, copy({ ...cycle, approvedPlans: stored.approvedPlans, summaryChunks: stored.summaryChunks }));
    this.appendEvent(cycle.year, eventKey, event);
  }

  async events(year: number): Promise<CycleEvent[]> {
    return byKey(this.table.cycleEvents.get(year));
  }

  async list(): Promise<StoredCycle[]> {
    return [...this.table.cycles.values()].sort((a, b) => a.year - b.year).map(copy);
  }

  async recordPeriod(year: number, kind: string, fields: Omit<PeriodRecord, 'kind'>): Promise<void> {
    const key = `${year}#${kind}`;
    const defined = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
    this.table.periods.set(key, copy({ ...this.table.periods.get(key), ...defined, kind }));
  }

  async periods(year: number): Promise<PeriodRecord[]> {
    return [...this.table.periods.entries()]
      .filter(([key]) => key.startsWith(`${year}#`))
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([, record]) => copy(record));
  }

  async getCouncilGoals(year: number): Promise<StoredCouncilGoals | undefined> {
    const goals = this.table.councilGoals.get(year);
    return goals && copy(goals);
  }

  async replaceCouncilGoals(year: number, goals: StoredCouncilGoals, expectedVersion: number, event: CycleEvent): Promise<void> {
    const cycle = this.table.cycles.get(year);
    if (!cycle || (cycle.approvedPlans ?? 0) !== 0 || cycle.state !== 'open') throw new CouncilGoalsRefused('cycle');
    const stored = this.table.councilGoals.get(year);
    if (expectedVersion === 0 ? stored !== undefined : stored?.version !== expectedVersion) throw new CouncilGoalsRefused('goals');
    const eventKey = this.eventKey(year, event, `goals#${pad(goals.version)}`);
    this.table.councilGoals.set(year, copy(goals));
    this.appendEvent(year, eventKey, event);
  }

  async getSetting<N extends CycleSettingName>(year: number, name: N): Promise<CycleSettings[N] | undefined> {
    const value = this.table.cycleSettings.get(`${year}#${name}`);
    return value && (copy(value) as CycleSettings[N]);
  }

  async replaceSetting<N extends CycleSettingName>(year: number, name: N, value: CycleSettings[N], expectedVersion: number, event: CycleEvent): Promise<void> {
    const cycle = this.table.cycles.get(year);
    if (!cycle || cycle.state !== 'open') throw new SettingRefused(name, 'cycle');
    const stored = this.table.cycleSettings.get(`${year}#${name}`);
    if ((stored?.version ?? 0) !== expectedVersion) throw new SettingRefused(name, 'version');
    const eventKey = this.eventKey(year, event, `${name}#${pad(value.version)}`);
    this.table.cycleSettings.set(`${year}#${name}`, copy(value));
    this.appendEvent(year, eventKey, event);
  }

  /** The event's sort key; an event is never overwritten (the table's condition refuses the whole change). */
  private eventKey(year: number, event: CycleEvent, what: string): string {
    const key = `cycle#${event.at}#${what}`;
    if (this.table.cycleEvents.get(year)?.has(key)) throw new CycleChanged(year);
    return key;
  }

  private appendEvent(year: number, key: string, event: CycleEvent): void {
    let events = this.table.cycleEvents.get(year);
    if (!events) this.table.cycleEvents.set(year, (events = new Map()));
    events.set(key, copy(event));
  }
}
