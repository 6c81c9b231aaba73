import { describe, expect, it } from 'vitest';
import { sectionProblems } from '../../../shared/domain/economy';
import type { BudgetLine, ReportSection } from '../../../shared/schemas/economy';
import { diff } from './diff';
import {
  economyContentOf,
  economyMissing,
  fieldIdForPath,
  indicatorWarnings,
  liveEconomy,
  reportContentOf,
  sectionsMissing,
  toEconomyForm,
  toReportForm,
  type EconomyForm,
  type PlanIndicator,
} from './forms';

const typed = (fields: Partial<EconomyForm>): EconomyForm => ({ ...toEconomyForm(undefined), ...fields });
const board: BudgetLine = { boardId: 'miljo', netCost: 100_000 };
const company: BudgetLine = { boardId: 'sisab', netCost: 0, returnRequirement: 4.5 };

describe('the economy as typed', () => {
  it('reads Swedish decimal commas and spaces between thousands, and drops what is blank', () => {
    const { economy, problems } = economyContentOf(typed({ outcomeToDate: '33 250,5', forecast: '101\u00a0200', comment: '  Högre hyror.  ' }));
    expect(problems).toEqual([]);
    expect(economy).toEqual({ outcomeToDate: 33_250.5, forecast: 101_200, comment: 'Högre hyror.' });
    expect(economyContentOf(typed({})).economy).toBeUndefined();
  });

  it.each([
    ['text where a number goes', { forecast: 'etthundra' }, ['f-economy-forecast', 'economy.notNumber']],
    ['a negative net cost', { outcome: '-5' }, ['f-economy-outcome', 'economy.negative']],
  ])('stops a save on %s, at its field', (_, fields, [id, key]) => {
    const { economy, problems } = economyContentOf(typed(fields));
    expect(problems.map((p) => [p.fieldId, 'key' in p.message ? p.message.key : ''])).toEqual([[id, key]]);
    expect(economy).toBeUndefined();
  });

  it('takes a negative return: a company can lose money', () => {
    expect(economyContentOf(typed({ returnForecast: '-2,5' })).economy).toEqual({ returnForecast: -2.5 });
  });
});

describe('what the budget line asks as the editor types (economyProblems, per field)', () => {
  const fields = (kind: 't1' | 'annual', line: BudgetLine | undefined, form: Partial<EconomyForm>) => economyMissing(kind, line, typed(form)).map((p) => p.fieldId);
  it.each([
    ['no budget line asks nothing', 't1', undefined, {}, []],
    ['a tertial report: the net cost so far and the forecast', 't1', board, {}, ['f-economy-outcomeToDate', 'f-economy-forecast']],
    ['the annual report: the outcome', 'annual', board, {}, ['f-economy-outcome']],
    ['a forecast 1 % over the budget needs no comment', 't1', board, { outcomeToDate: '30000', forecast: '101000' }, []],
    ['a forecast past 1 % over the budget asks the comment', 't1', board, { outcomeToDate: '30000', forecast: '101001' }, ['f-economy-comment']],
    ['a forecast past 1 % under the budget asks it too', 't1', board, { outcomeToDate: '30000', forecast: '98 000' }, ['f-economy-comment']],
    ['a comment given answers it', 't1', board, { outcomeToDate: '30000', forecast: '120000', comment: 'Fler elever.' }, []],
    ['an annual outcome past 1 % asks the comment', 'annual', board, { outcome: '102 000,5' }, ['f-economy-comment']],
    ['a company gives its return', 't1', company, { outcomeToDate: '0', forecast: '0' }, ['f-economy-returnForecast']],
    ['a company gives its return of the year', 'annual', company, { outcome: '0', returnOutcome: '3' }, []],
  ] as const)('%s', (_, kind, line, form, expected) => {
    expect(fields(kind, line, form)).toEqual(expected);
  });

  it('words the comment asked with the deviation in tkr and percent', () => {
    const [problem] = economyMissing('t1', board, typed({ outcomeToDate: '1', forecast: '112 500' }));
    expect(problem?.message).toEqual({ key: 'economy.missing.comment', vars: { amount: '+12\u00a0500 tkr', percent: '+12,5 %', threshold: '1' } });
  });

  it('works out the deviation and the return as typed', () => {
    expect(liveEconomy('t1', board, typed({ forecast: '101 500' }))).toEqual({ value: 101_500, deviation: { amount: 1500, percent: 1.5, needsComment: true }, returnBelow: false });
    expect(liveEconomy('annual', board, typed({ forecast: '101 500' }))).toEqual({ returnBelow: false });
    expect(liveEconomy('t1', company, typed({ returnForecast: '4,4' })).returnBelow).toBe(true);
    expect(liveEconomy('t1', company, typed({ returnForecast: '4,5' })).returnBelow).toBe(false);
    expect(liveEconomy('t1', board, typed({ forecast: 'x' }))).toEqual({ returnBelow: false });
  });
});

describe("an indicator's live warning (forecastFindings)", () => {
  const indicators: PlanIndicator[] = [
    { id: 'KF-1', name: 'Behöriga', unit: '%', direction: 'higher', target: 86, source: 'council' },
    { id: 'KF-2', name: 'Utsläpp', unit: 't', direction: 'lower', target: 1.4, source: 'council' },
    { id: 'N1', name: 'Egen', unit: 'st', direction: 'higher', source: 'own' },
  ];
  const form = (rows: Readonly<Record<string, readonly [string, string]>>) => {
    const f = toReportForm(undefined, indicators, []);
    for (const row of f.indicators) [row.outcome, row.forecast] = rows[row.indicatorId] ?? ['', ''];
    return f;
  };
  it.each([
    ['a forecast below a higher-is-better target', 't1', { 'KF-1': ['90', '85,9'] }, ['KF-1']],
    ['a forecast that reaches it', 't1', { 'KF-1': ['80', '86'] }, []],
    ['a forecast above a lower-is-better target', 't2', { 'KF-2': ['1', '1,5'] }, ['KF-2']],
    ['the annual report judges the outcome', 'annual', { 'KF-1': ['85', '90'], 'KF-2': ['1,3', '2'] }, ['KF-1']],
    ['no target, no warning', 't1', { N1: ['0', '0'] }, []],
    ['text is no forecast', 't1', { 'KF-1': ['', 'åttio'] }, []],
  ] as const)('%s', (_, kind, rows, expected) => {
    expect([...indicatorWarnings(kind, indicators, form(rows)).keys()]).toEqual(expected);
  });
});

describe("the city's sections in the form", () => {
  const sections: ReportSection[] = [
    { id: 'jamstalldhet', title: 'Jämställdhet', kinds: ['annual'], required: true },
    { id: 'innovation', title: 'Innovation', kinds: ['annual', 't2'], required: false },
    { id: 'bolag', title: 'Ägardirektiv', kinds: ['annual'], required: true, boardKinds: ['company'] },
  ];

  it("keeps the city's order, then a saved text the city no longer asks for", () => {
    const form = toReportForm({ sections: [{ sectionId: 'gammalt', text: 'Kvar' }, { sectionId: 'innovation', text: 'Nya arbetssätt' }] }, [], [], sections.slice(0, 2));
    expect(form.sections).toEqual([
      { sectionId: 'jamstalldhet', text: '' },
      { sectionId: 'innovation', text: 'Nya arbetssätt' },
      { sectionId: 'gammalt', text: 'Kvar' },
    ]);
    expect(reportContentOf(form).content.sections).toEqual([
      { sectionId: 'innovation', text: 'Nya arbetssätt' },
      { sectionId: 'gammalt', text: 'Kvar' },
    ]);
  });

  it.each([
    ['a district board leaves the required section empty', 'annual', 'district', [], ['f-sections-jamstalldhet']],
    ['a company also owes its own', 'annual', 'company', [], ['f-sections-jamstalldhet', 'f-sections-bolag']],
    ['written: nothing missing', 'annual', 'district', [{ sectionId: 'jamstalldhet', text: 'Text' }], []],
    ['a blank text is not written', 'annual', 'district', [{ sectionId: 'jamstalldhet', text: '  ' }], ['f-sections-jamstalldhet']],
    ['a tertial report asks no required section', 't2', 'district', [], []],
    ['a text the city does not ask for here', 't2', 'district', [{ sectionId: 'jamstalldhet', text: 'Text' }], ['f-sections-jamstalldhet']],
  ] as const)('%s', (_, kind, boardKind, texts, expected) => {
    const rows = toReportForm({ sections: [...texts] }, [], [], []).sections;
    const missing = sectionsMissing(kind, { sections, boardKind }, rows);
    expect(missing.map((p) => p.fieldId)).toEqual(expected);
    // The same verdict as the server's on submit.
    const contentSections = reportContentOf({ ...toReportForm(undefined, [], []), sections: rows }).content.sections;
    expect(sectionProblems(kind, boardKind, sections, contentSections).length).toBe(missing.length);
  });
});

describe("the server's problems land on the economy's and the sections' fields", () => {
  const sent = { indicators: [], goals: [], sections: [{ sectionId: 'innovation', text: 'x' }] };
  it.each([
    ['economy.comment', 'f-economy-comment'],
    ['body.content.economy.returnForecast', 'f-economy-returnForecast'],
    ['economy', 's-economy'],
    ['sections.0.sectionId', 'f-sections-innovation'],
    ['sections', 's-sections'],
  ])('%s → %s', (path, id) => {
    expect(fieldIdForPath(path, sent, 'report')).toBe(id);
  });
});

describe('the changes since the last submission', () => {
  it('name the economy field by field and the sections by their id', () => {
    const before = { indicators: [], goals: [], economy: { outcomeToDate: 30_000, forecast: 100_000 }, sections: [{ sectionId: 'a', text: 'Ett' }, { sectionId: 'b', text: 'Två' }] };
    const after = { indicators: [], goals: [], economy: { outcomeToDate: 30_000, forecast: 104_000, comment: 'Fler elever.' }, sections: [{ sectionId: 'b', text: 'Två' }, { sectionId: 'a', text: 'Ett, omskrivet' }, { sectionId: 'c', text: 'Tre' }] };
    expect(diff(before, after).map((c) => [c.key, c.kind])).toEqual([
      ['economy/forecast', 'changed'],
      ['sections/[a]/text', 'changed'],
      ['economy/comment', 'added'],
      ['sections/[c]', 'added'],
    ]);
  });
});
