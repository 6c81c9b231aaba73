import { beforeEach, describe, expect, it } from 'vitest';
import { admin, storedBoard, testWorld, YEAR, type TestWorld } from '../../adapters/memory/fixtures';
import { Conflict, NotFound, PreconditionFailed, ValidationFailed } from '../../domain/errors';
import { budgetBodySchema, reportSectionsBodySchema } from '../../schemas/economy';
import { getBudget, getReportSections, putBudget, putReportSections } from './settings';

let w: TestWorld;

beforeEach(async () => {
  w = await testWorld({ clock: '2027-01-12T09:00:00.000Z' });
  await w.boards.save(storedBoard('bostader', { kind: 'company' }), 0);
});

const budget = (boards: unknown[]) => budgetBodySchema.parse({ boards });
const sections = (list: unknown[]) => reportSectionsBodySchema.parse({ sections: list });

async function refusal(promise: Promise<unknown>): Promise<{ errors?: Array<{ path: string }> } & Error> {
  return promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => error as Error,
  );
}

describe('the budget', () => {
  it('reads as version 0 and no boards before the first PUT; 404 for a year never opened', async () => {
    expect(await getBudget(YEAR, w)).toEqual({ year: YEAR, unit: 'tkr', boards: [], version: 0 });
    await expect(getBudget(2019, w)).rejects.toBeInstanceOf(NotFound);
  });

  it('replaces the table at the next version, with a budget_replaced event giving the lines and their total', async () => {
    const body = budget([
      { boardId: 'bromma', netCost: 1_250_000.5 },
      { boardId: 'bostader', netCost: 0, returnRequirement: 4.5 },
    ]);
    const first = await putBudget({ year: YEAR, body, ifMatch: 0 }, w.as(admin));
    expect(first).toEqual({ year: YEAR, unit: 'tkr', boards: body.boards, version: 1, updatedAt: '2027-01-12T09:00:00.000Z', updatedBy: admin.sub });
    expect(await getBudget(YEAR, w)).toEqual(first);
    const second = await putBudget({ year: YEAR, body: budget([{ boardId: 'kista', netCost: 900 }]) }, w.as(admin));
    expect(second).toMatchObject({ version: 2, boards: [{ boardId: 'kista', netCost: 900 }] });
    const events = (await w.cycles.events(YEAR)).filter((event) => event.action === 'budget_replaced');
    expect(events.map((event) => event.details)).toEqual([{ budget: { version: 1, boards: 2, netCost: 1_250_000.5 } }, { budget: { version: 2, boards: 1, netCost: 900 } }]);
    expect(events[0]).toMatchObject({ actor: admin.sub, role: 'admin', at: '2027-01-12T09:00:00.000Z' });
  });

  it.each([
    ['an unknown board', [{ boardId: 'atlantis', netCost: 10 }], 'boards.0.boardId'],
    ['a board given twice', [{ boardId: 'bromma', netCost: 10 }, { boardId: 'kista', netCost: 5 }, { boardId: 'bromma', netCost: 20 }], 'boards.2.boardId'],
    ['a return requirement for a district board', [{ boardId: 'bromma', netCost: 10, returnRequirement: 3 }], 'boards.0.returnRequirement'],
  ])('refuses %s with 422 naming the field, and stores nothing', async (_case, lines, path) => {
    const error = await refusal(putBudget({ year: YEAR, body: budget(lines) }, w.as(admin)));
    expect(error).toBeInstanceOf(ValidationFailed);
    expect(error.errors?.map((e) => e.path)).toEqual([path]);
    expect((await getBudget(YEAR, w)).version).toBe(0);
    expect((await w.cycles.events(YEAR)).some((event) => event.action === 'budget_replaced')).toBe(false);
  });

  it('refuses a negative budget at the schema', () => {
    const parsed = budgetBodySchema.safeParse({ boards: [{ boardId: 'bromma', netCost: -1 }] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['boards', 0, 'netCost']);
  });

  it('refuses a stale If-Match (412) and a signed-off year (409), changing nothing', async () => {
    await putBudget({ year: YEAR, body: budget([{ boardId: 'bromma', netCost: 10 }]) }, w.as(admin));
    await expect(putBudget({ year: YEAR, body: budget([]), ifMatch: 0 }, w.as(admin))).rejects.toBeInstanceOf(PreconditionFailed);
    const cycle = (await w.cycles.get(YEAR))!;
    await w.cycles.update({ ...cycle, state: 'signed_off', version: cycle.version + 1 }, cycle.version, { at: '2027-01-12T08:00:00.000Z', actor: 'x', role: 'executive', action: 'signed_off' });
    await expect(putBudget({ year: YEAR, body: budget([]), ifMatch: 1 }, w.as(admin))).rejects.toBeInstanceOf(Conflict);
    await expect(putBudget({ year: 2019, body: budget([]) }, w.as(admin))).rejects.toBeInstanceOf(NotFound);
    expect(await getBudget(YEAR, w)).toMatchObject({ version: 1, boards: [{ boardId: 'bromma', netCost: 10 }] });
  });

  it('answers 412 when someone replaced it between the read and the write', async () => {
    const cycles = Object.create(w.cycles) as typeof w.cycles;
    cycles.replaceSetting = async (year, name, value, expected, event) => {
      await w.cycles.replaceSetting(year, name, value, expected, { ...event, at: '2027-01-12T08:59:00.000Z' });
      return w.cycles.replaceSetting(year, name, value, expected, event);
    };
    await expect(putBudget({ year: YEAR, body: budget([]) }, { ...w.as(admin), cycles })).rejects.toThrow(/changed by someone else meanwhile/);
  });
});

describe('the report sections', () => {
  const gender = { id: 'jamstalldhet', title: 'Jämställdhet', kinds: ['annual'], required: true };
  const innovation = { id: 'innovation', title: 'Innovation', kinds: ['t2', 'annual'], boardKinds: ['district', 'specialist'] };

  it('reads as version 0 and none before the first PUT, then in the order given, with its event', async () => {
    expect(await getReportSections(YEAR, w)).toEqual({ year: YEAR, sections: [], version: 0 });
    const stored = await putReportSections({ year: YEAR, body: sections([innovation, gender]), ifMatch: 0 }, w.as(admin));
    expect(stored.sections.map((section) => section.id)).toEqual(['innovation', 'jamstalldhet']);
    expect(stored.sections[0]).toMatchObject({ required: false, boardKinds: ['district', 'specialist'] });
    expect(await getReportSections(YEAR, w)).toEqual(stored);
    expect((await w.cycles.events(YEAR)).at(-1)).toMatchObject({ action: 'report_sections_replaced', details: { sections: { version: 1, sections: 2 } } });
  });

  it('refuses a section id given twice (422 naming it), a stale If-Match (412), and a signed-off year (409)', async () => {
    const error = await refusal(putReportSections({ year: YEAR, body: sections([gender, innovation, { ...gender, title: 'Igen' }]) }, w.as(admin)));
    expect(error).toBeInstanceOf(ValidationFailed);
    expect(error.errors?.map((e) => e.path)).toEqual(['sections.2.id']);
    await expect(putReportSections({ year: YEAR, body: sections([gender]), ifMatch: 3 }, w.as(admin))).rejects.toBeInstanceOf(PreconditionFailed);
    const cycle = (await w.cycles.get(YEAR))!;
    await w.cycles.update({ ...cycle, state: 'signed_off', version: cycle.version + 1 }, cycle.version, { at: '2027-01-12T08:00:00.000Z', actor: 'x', role: 'executive', action: 'signed_off' });
    await expect(putReportSections({ year: YEAR, body: sections([gender]) }, w.as(admin))).rejects.toBeInstanceOf(Conflict);
    expect((await getReportSections(YEAR, w)).version).toBe(0);
  });
});
