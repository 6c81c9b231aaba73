import { beforeEach, describe, expect, it } from 'vitest';
import { admin, completePlan, editorOf, seedDocument, storedBoard, storedDocument, testWorld, YEAR, type TestWorld } from '../../adapters/memory/fixtures';
import { ValidationFailed } from '../../domain/errors';
import type { ReportContent } from '../../schemas/documents';
import { budgetBodySchema, reportSectionsBodySchema } from '../../schemas/economy';
import { putBudget, putReportSections } from '../economy/settings';
import { runChecks } from '../review/reviewSteps';
import { submitDocument } from './submitDocument';

/*
 * A report's money and the city's sections on submit (api.md 1.1): a board with a budget line must give its net cost
 * (and a comment past 1 %), a required section must be written, and the answer carries the findings on the money and
 * on forecasts short of the board's own targets. Bromma's plan (completePlan): KF-1 91 (higher), KF-2 5 (lower), own
 * N1-1 10 (higher).
 */
const t1 = { year: YEAR, boardId: 'bromma', kind: 't1' as const };
const annual = { ...t1, kind: 'annual' as const };
const editor = editorOf('bromma');
let w: TestWorld;

const onTarget: ReportContent['indicators'] = [
  { indicatorId: 'KF-1', forecast: 92, outcome: 91 },
  { indicatorId: 'KF-2', forecast: 5, outcome: 5 },
  { indicatorId: 'N1-1', forecast: 10, outcome: 10 },
];

function report(patch: Partial<ReportContent> = {}): ReportContent {
  return { indicators: onTarget, goals: [{ goalId: 'N1', assessment: 'fulfilled' }], internalControl: { assessment: 'sufficient' }, ...patch } as ReportContent;
}

/** Saves the draft (over the one a refusal left) and submits it. */
async function submitted(address: { year: number; boardId: string; kind: 't1' | 't2' | 'annual' }, content: ReportContent, boardId = 'bromma') {
  const at = { ...address, boardId };
  const current = (await w.documents.get(YEAR, boardId, address.kind))?.document;
  if (!current) await seedDocument(w, storedDocument(at, { content }));
  else {
    const next = { ...current, content, version: current.version + 1 };
    await w.documents.commit({ next, previous: current, expectedVersion: current.version, event: { at: next.updatedAt, actor: 'x', role: 'editor', action: 'saved', from: 'draft', to: 'draft' } });
  }
  return submitDocument(at, w.as(editorOf(boardId)));
}

async function refusal(address: typeof t1 | typeof annual, content: ReportContent, boardId = 'bromma'): Promise<string[]> {
  const error = await submitted(address, content, boardId).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationFailed);
  expect((await w.documents.get(YEAR, boardId, address.kind))?.document.status).toBe('draft');
  return ((error as ValidationFailed).errors ?? []).map((e) => e.path);
}

beforeEach(async () => {
  w = await testWorld();
  await w.boards.save(storedBoard('bostader', { kind: 'company' }), 0);
  for (const boardId of ['bromma', 'bostader']) {
    await seedDocument(w, storedDocument({ year: YEAR, boardId, kind: 'plan' }, { status: 'approved', content: completePlan, submissions: 1 }));
  }
  await putBudget(
    {
      year: YEAR,
      body: budgetBodySchema.parse({ boards: [{ boardId: 'bromma', netCost: 1000 }, { boardId: 'bostader', netCost: 200, returnRequirement: 5 }] }),
    },
    w.as(admin),
  );
  await putReportSections(
    {
      year: YEAR,
      body: reportSectionsBodySchema.parse({
        sections: [
          { id: 'jamstalldhet', title: 'Jämställdhet', kinds: ['annual'], required: true },
          { id: 'minoriteter', title: 'Nationella minoriteter', kinds: ['annual'], required: true, boardKinds: ['district', 'specialist'] },
          { id: 'innovation', title: 'Innovation', kinds: ['t2', 'annual'] },
        ],
      }),
    },
    w.as(admin),
  );
});

describe('submitting a report with a budget', () => {
  it('refuses a tertial report without its money, and one whose forecast strays more than 1 % without a comment', async () => {
    expect(await refusal(t1, report())).toEqual(['economy']);
    expect(await refusal(t1, report({ economy: { forecast: 1000 } }))).toEqual(['economy.outcomeToDate']);
    expect(await refusal(t1, report({ economy: { outcomeToDate: 340, forecast: 1011 } }))).toEqual(['economy.comment']);
    expect(await refusal(t1, report({ economy: { outcomeToDate: 340, forecast: 989, comment: '  ' } }))).toEqual(['economy.comment']);
  });

  it('accepts a forecast within 1 % without a comment: under the budget with no finding, over it with FORECAST_DEFICIT', async () => {
    expect((await submitted(t1, report({ economy: { outcomeToDate: 330, forecast: 990 } }))).body).toMatchObject({ status: 'in_review', findings: [] });
    const t2 = { ...t1, kind: 't2' as const };
    expect((await submitted(t2, report({ economy: { outcomeToDate: 660, forecast: 1010 } }))).body).toMatchObject({
      status: 'in_review',
      findings: [{ code: 'FORECAST_DEFICIT', budget: 1000, forecast: 1010, deviation: 10 }],
    });
  });

  it('answers FORECAST_DEFICIT for a forecast above the budget, and FORECAST_BELOW_TARGET per indicator short of its target', async () => {
    const indicators = [
      { indicatorId: 'KF-1', forecast: 88 },
      { indicatorId: 'KF-2', forecast: 5.5 },
      { indicatorId: 'N1-1', forecast: 12 },
    ];
    const answer = await submitted(t1, report({ indicators, economy: { outcomeToDate: 380, forecast: 1050, comment: 'Fler placeringar än budgeterat.' } }));
    const findings = [
      { code: 'FORECAST_DEFICIT', budget: 1000, forecast: 1050, deviation: 50, basis: 'forecast' },
      { code: 'FORECAST_BELOW_TARGET', indicatorId: 'KF-1', target: 91, forecast: 88, direction: 'higher', basis: 'forecast' },
      { code: 'FORECAST_BELOW_TARGET', indicatorId: 'KF-2', target: 5, forecast: 5.5, direction: 'lower', basis: 'forecast' },
    ];
    expect(answer.body).toMatchObject({ status: 'in_review', findings });
    expect((await w.documents.get(YEAR, 'bromma', 't1'))?.document.findings).toEqual(findings);
    // The review workflow's first step re-runs the checks: it keeps a report's findings as submitted.
    expect(await runChecks(t1, w)).toEqual({ round: 1, findings: 3 });
    expect((await w.documents.get(YEAR, 'bromma', 't1'))?.document.findings).toEqual(findings);
  });

  it("judges the annual report by its outcome, and a company by its return against the requirement", async () => {
    expect(await refusal(annual, report({ economy: { forecast: 1000 } }), 'bostader')).toEqual(['economy.outcome', 'economy.returnOutcome', 'sections']);
    const answer = await submitted(annual, report({ economy: { outcome: 199, returnOutcome: 3.5 }, sections: [{ sectionId: 'jamstalldhet', text: 'Lika lön.' }] }), 'bostader');
    expect(answer.body).toMatchObject({ findings: [{ code: 'RETURN_BELOW_REQUIREMENT', requirement: 5, forecast: 3.5, basis: 'outcome' }] });
  });

  it('asks nothing of a board without a budget line', async () => {
    await w.boards.save(storedBoard('kultur', { kind: 'specialist' }), 0);
    await seedDocument(w, storedDocument({ year: YEAR, boardId: 'kultur', kind: 'plan' }, { status: 'approved', content: { ...completePlan, targets: [{ indicatorId: 'KF-1', target: 90 }] }, submissions: 1 }));
    const answer = await submitted(t1, report({ indicators: [{ indicatorId: 'KF-1', forecast: 90 }, { indicatorId: 'N1-1', forecast: 10 }] }), 'kultur');
    expect(answer.body).toMatchObject({ status: 'in_review', findings: [] });
  });
});

describe("submitting a report with the city's sections", () => {
  const money = { outcome: 1000 };

  it('refuses an annual report missing a required section, naming each one the board must write', async () => {
    const error = await submitted(annual, report({ economy: money, sections: [{ sectionId: 'innovation', text: 'Nya arbetssätt.' }] })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationFailed);
    const messages = ((error as ValidationFailed).errors ?? []).map((e) => `${e.path}: ${e.message}`);
    expect(messages).toEqual([expect.stringMatching(/^sections: .*Jämställdhet/), expect.stringMatching(/^sections: .*Nationella minoriteter/)]);
  });

  it("asks a company only for the sections for its kind of board, and refuses a text for a section not asked for", async () => {
    const all = [
      { sectionId: 'jamstalldhet', text: 'Lika lön.' },
      { sectionId: 'minoriteter', text: 'Samråd.' },
    ];
    expect(await refusal(annual, report({ economy: { outcome: 200, returnOutcome: 5 }, sections: all }), 'bostader')).toEqual(['sections.1.sectionId']);
    const answer = await submitted(annual, report({ economy: money, sections: all }));
    expect(answer.body).toMatchObject({ status: 'in_review', findings: [] });
  });

  it('asks no section of a tertial report 1', async () => {
    const answer = await submitted(t1, report({ economy: { outcomeToDate: 300, forecast: 1000 } }));
    expect(answer.body).toMatchObject({ status: 'in_review' });
  });
});
