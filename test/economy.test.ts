/**
 * The economy beside the operations, through the local stack (api.md 1.1): the office sets the budget and the report
 * sections (with their ETags and the cycle's history), a report is refused until it explains a deviation past 1 % and
 * writes the city's required sections, then answers its findings; the overview and a parent's roll-up show the money
 * once the reports are approved; and bad input changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, editorOf, executive, reviewer, startTestStack, type TestStack } from './support/localStack';

const year = 2026;
const calendar = { planDue: '2026-01-31', t1Due: '2026-05-15', t2Due: '2026-09-15', annualDue: '2027-02-15', signoffDue: '2027-04-15' };
const boards = [
  { boardId: 'bromma', kind: 'district' },
  { boardId: 'kultur', kind: 'specialist' },
  { boardId: 'sisab', kind: 'company' },
  { boardId: 'bromma-skola', kind: 'unit', parentId: 'bromma' },
  { boardId: 'bromma-forskola', kind: 'unit', parentId: 'bromma' },
] as const;
const goals = {
  directionGoals: [
    {
      id: 'D1',
      title: 'En hållbar stad',
      areaGoals: [
        {
          id: 'D1.1',
          title: 'God service',
          indicators: [
            { id: 'KF-1', name: 'Nöjda brukare', unit: '%', direction: 'higher', target: 80 },
            { id: 'KF-2', name: 'Sjukfrånvaro', unit: '%', direction: 'lower', target: 6 },
          ],
        },
      ],
    },
  ],
};
const plan = { targets: [{ indicatorId: 'KF-1', target: 82 }, { indicatorId: 'KF-2', target: 5.8 }], goals: [{ id: 'N1', title: 'Nöjdare brukare', areaGoalId: 'D1.1' }] };
const budget = {
  unit: 'tkr',
  boards: [
    { boardId: 'bromma', netCost: 1_000_000 },
    { boardId: 'sisab', netCost: 0, returnRequirement: 4.5 },
    { boardId: 'bromma-skola', netCost: 51_300 },
    { boardId: 'bromma-forskola', netCost: 67_200 },
  ],
};
const sections = {
  sections: [
    { id: 'jamstalldhet', title: 'Jämställdhet', help: 'Könsuppdelad statistik och analys.', kinds: ['t1', 'annual'], required: true, boardKinds: ['district', 'specialist', 'company'] },
    { id: 'innovation', title: 'Innovation', kinds: ['annual'] },
  ],
};
const doc = (boardId: string, kind: string) => `/api/cycles/${year}/boards/${boardId}/documents/${kind}`;

describe('the economy beside the operations, through the local stack', () => {
  let t: TestStack;

  async function save(boardId: string, kind: string, content: object, as = editorOf(boardId)) {
    const current = await t.api('GET', doc(boardId, kind), { as });
    return t.api('PUT', doc(boardId, kind), { as, headers: { 'if-match': current.headers.get('etag')! }, body: { content } });
  }
  async function saved(boardId: string, kind: string, content: object) {
    const answer = await save(boardId, kind, content);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  }
  async function approve(boardId: string, kind: string) {
    const answer = await t.api('POST', `${doc(boardId, kind)}/decision`, { as: reviewer, body: { decision: 'approve', comment: 'Godkänd.' } });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    await t.stack.runDueJobs();
  }
  async function submitted(boardId: string, kind: string) {
    const answer = await t.api('POST', `${doc(boardId, kind)}/submit`, { as: editorOf(boardId) });
    expect(answer.status, JSON.stringify(answer.body)).toBe(202);
    return answer.body;
  }
  const history = async () => (await t.api('GET', `/api/cycles/${year}/history`, { as: admin })).body.events as Array<{ action: string; details?: object }>;

  beforeAll(async () => {
    t = await startTestStack();
    for (const board of boards) {
      const answer = await t.api('PUT', `/api/boards/${board.boardId}`, { as: admin, body: { name: `Nämnd ${board.boardId}`, contacts: [`k@${board.boardId}.example`], ...board } });
      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    }
    expect((await t.api('POST', '/api/cycles', { as: admin, body: { year, calendar } })).status).toBe(201);
    expect((await t.api('PUT', `/api/cycles/${year}/council-goals`, { as: admin, body: goals })).status).toBe(200);
    for (const boardId of ['bromma', 'kultur', 'sisab']) {
      await saved(boardId, 'plan', plan);
      await submitted(boardId, 'plan');
      await approve(boardId, 'plan');
    }
    for (const boardId of ['bromma-skola', 'bromma-forskola']) {
      await saved(boardId, 'plan', { ...plan, goals: [{ id: 'S1', title: 'Nöjda elever', areaGoalId: 'D1.1', parentGoalId: 'N1' }] });
      await submitted(boardId, 'plan');
      await approve(boardId, 'plan');
    }
  }, 120_000);

  afterAll(async () => {
    await t?.stop();
  });

  it('reads version 0 and empty before the first PUT, for everyone signed in; 404 for a year never opened', async () => {
    for (const [path, empty] of [['budget', { year, unit: 'tkr', boards: [], version: 0 }], ['report-sections', { year, sections: [], version: 0 }]] as const) {
      const answer = await t.api('GET', `/api/cycles/${year}/${path}`, { as: editorOf('kultur') });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(empty);
      expect(answer.headers.get('etag')).toBe('"0"');
      expect((await t.api('GET', `/api/cycles/2019/${path}`, { as: reviewer })).status).toBe(404);
    }
    expect((await t.api('GET', `/api/cycles/${year}/budget`)).status).toBe(401);
  });

  it('refuses bad budgets and sections with problem+json naming the field, and changes nothing', async () => {
    const refusals: Array<[string, unknown, string, number]> = [
      ['budget', { boards: [{ boardId: 'bromma', netCost: 10 }, { boardId: 'atlantis', netCost: 5 }] }, 'boards.1.boardId', 422],
      ['budget', { boards: [{ boardId: 'bromma', netCost: 10 }, { boardId: 'bromma', netCost: 5 }] }, 'boards.1.boardId', 422],
      ['budget', { boards: [{ boardId: 'bromma', netCost: -10 }] }, 'boards.0.netCost', 422],
      ['budget', { boards: [{ boardId: 'bromma', netCost: '1e309' }] }, 'boards.0.netCost', 422],
      ['budget', { boards: [{ boardId: 'kultur', netCost: 10, returnRequirement: 4 }] }, 'boards.0.returnRequirement', 422],
      ['report-sections', { sections: [sections.sections[0], { ...sections.sections[1], id: 'jamstalldhet' }] }, 'sections.1.id', 422],
      ['report-sections', { sections: [{ ...sections.sections[1], kinds: [] }] }, 'sections.0.kinds', 422],
    ];
    for (const [path, body, field, status] of refusals) {
      const answer = await t.api('PUT', `/api/cycles/${year}/${path}`, { as: admin, body });
      expect(answer.status, JSON.stringify(answer.body)).toBe(status);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      // The schema's problems name the field within the body (`body.…`), the rules' by the field alone, as elsewhere.
      expect(answer.body.errors.map((error: { path: string }) => error.path.replace(/^body\./, '')), JSON.stringify(answer.body)).toContain(field);
    }
    const stale = await t.api('PUT', `/api/cycles/${year}/budget`, { as: admin, headers: { 'if-match': '"3"' }, body: budget });
    expect(stale.status).toBe(412);
    expect((await t.api('PUT', `/api/cycles/2019/budget`, { as: admin, body: budget })).status).toBe(404);
    expect((await t.api('PUT', `/api/cycles/${year}/budget`, { as: editorOf('bromma'), body: budget })).status).toBe(403);
    expect((await t.api('GET', `/api/cycles/${year}/budget`, { as: admin })).body.version).toBe(0);
    expect((await t.api('GET', `/api/cycles/${year}/report-sections`, { as: admin })).body.version).toBe(0);
    expect((await history()).map((event) => event.action)).not.toContain('budget_replaced');
  });

  it('replaces the budget and the sections over their ETags, each change in the cycle history', async () => {
    const put = await t.api('PUT', `/api/cycles/${year}/budget`, { as: admin, headers: { 'if-match': '"0"' }, body: budget });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.headers.get('etag')).toBe('"1"');
    expect(put.body).toMatchObject({ year, version: 1, unit: 'tkr', boards: budget.boards, updatedBy: admin.sub });
    expect((await t.api('PUT', `/api/cycles/${year}/budget`, { as: admin, headers: { 'if-match': '"0"' }, body: budget })).status).toBe(412);
    const read = await t.api('GET', `/api/cycles/${year}/budget`, { as: executive });
    expect(read.body).toEqual(put.body);
    expect(read.headers.get('etag')).toBe('"1"');

    const sectionsPut = await t.api('PUT', `/api/cycles/${year}/report-sections`, { as: admin, headers: { 'if-match': '"0"' }, body: sections });
    expect(sectionsPut.status, JSON.stringify(sectionsPut.body)).toBe(200);
    expect(sectionsPut.body.sections.map((section: { id: string; required: boolean }) => [section.id, section.required])).toEqual([
      ['jamstalldhet', true],
      ['innovation', false],
    ]);
    const events = await history();
    expect(events.filter((event) => event.action === 'budget_replaced' || event.action === 'report_sections_replaced')).toEqual([
      expect.objectContaining({ action: 'budget_replaced', actor: admin.sub, details: { budget: { version: 1, boards: 4, netCost: 1_118_500 } } }),
      expect.objectContaining({ action: 'report_sections_replaced', details: { sections: { version: 1, sections: 2 } } }),
    ]);
  });

  it('refuses a report that does not explain its deviation or leaves out a required section, naming each field; then answers its findings', async () => {
    const money = { outcomeToDate: 340_000, forecast: 1_025_000 };
    const indicators = [{ indicatorId: 'KF-1', outcome: 79, forecast: 80 }, { indicatorId: 'KF-2', forecast: 5.7 }];
    // Bad input is refused on save, and changes nothing.
    for (const bad of [{ ...money, forecast: -1 }, { ...money, forecast: 'mycket' }]) {
      const answer = await save('bromma', 't1', { indicators, economy: bad });
      expect(answer.status, JSON.stringify(answer.body)).toBe(422);
      expect(answer.body.errors.map((error: { path: string }) => error.path)).toContainEqual(expect.stringMatching(/economy\.forecast$/));
    }
    expect((await t.api('GET', doc('bromma', 't1'), { as: editorOf('bromma') })).body.version).toBe(0);

    await saved('bromma', 't1', { indicators, economy: money });
    const refused = await t.api('POST', `${doc('bromma', 't1')}/submit`, { as: editorOf('bromma') });
    expect(refused.status, JSON.stringify(refused.body)).toBe(422);
    const problems = refused.body.errors.map((error: { path: string; message: string }) => `${error.path}: ${error.message}`);
    expect(problems).toEqual([expect.stringMatching(/^economy\.comment: .*25[ ,.]?000 tkr \(\+2\.5 %\)/), expect.stringMatching(/^sections: .*Jämställdhet/)]);
    expect((await t.api('GET', doc('bromma', 't1'), { as: reviewer })).body.status).toBe('draft');

    await saved('bromma', 't1', {
      indicators,
      economy: { ...money, comment: 'Fler placeringar av barn och unga än budgeterat; åtgärdsplan beslutad.' },
      sections: [{ sectionId: 'jamstalldhet', text: 'All statistik är könsuppdelad.' }],
    });
    const answer = await submitted('bromma', 't1');
    expect(answer.findings).toEqual([
      { code: 'FORECAST_DEFICIT', budget: 1_000_000, forecast: 1_025_000, deviation: 25_000, basis: 'forecast' },
      { code: 'FORECAST_BELOW_TARGET', indicatorId: 'KF-1', target: 82, forecast: 80, direction: 'higher', basis: 'forecast' },
    ]);
    const inReview = await t.api('GET', doc('bromma', 't1'), { as: reviewer });
    expect(inReview.body).toMatchObject({ status: 'in_review', findings: answer.findings, content: { economy: { forecast: 1_025_000 }, sections: [{ sectionId: 'jamstalldhet' }] } });
    await approve('bromma', 't1');
    // The workflow's checks kept the report's findings.
    expect((await t.api('GET', doc('bromma', 't1'), { as: reviewer })).body).toMatchObject({ status: 'approved', findings: answer.findings });

    // A board without a budget line is asked for no money; it still writes the required section.
    await saved('kultur', 't1', { indicators: [{ indicatorId: 'KF-1', forecast: 83 }, { indicatorId: 'KF-2', forecast: 5.5 }], sections: [{ sectionId: 'jamstalldhet', text: 'Jämställd fördelning av kulturstöd.' }] });
    expect((await submitted('kultur', 't1')).findings).toEqual([]);
    await approve('kultur', 't1');
  });

  it("shows the approved figures in the city's economy overview, for everyone signed in", async () => {
    const overview = await t.api('GET', `/api/cycles/${year}/economy`, { as: editorOf('kultur') });
    expect(overview.status, JSON.stringify(overview.body)).toBe(200);
    expect(overview.body).toMatchObject({ year, unit: 'tkr', threshold: 1 });
    // The top-level boards only: the units' money is their parent's roll-up.
    expect(overview.body.boards.map((board: { boardId: string }) => board.boardId)).toEqual(['bromma', 'kultur', 'sisab']);
    const [bromma, kultur, sisab] = overview.body.boards;
    expect(bromma).toMatchObject({ budget: 1_000_000, latest: 't1', reports: { t1: { outcomeToDate: 340_000, forecast: 1_025_000, deviation: 25_000, deviationPercent: 2.5, needsComment: true, comment: expect.stringContaining('placeringar') }, t2: null, annual: null } });
    expect(kultur).toMatchObject({ budget: null, latest: 't1', reports: { t1: { forecast: null, deviation: null } } });
    expect(sisab).toMatchObject({ budget: 0, returnRequirement: 4.5, latest: null });
    expect(overview.body.total).toEqual({ budget: 1_000_000, forecast: 1_025_000, deviation: 25_000, deviationPercent: 2.5, reported: 1, budgeted: 2 });
    expect((await t.api('GET', `/api/cycles/2019/economy`, { as: reviewer })).status).toBe(404);
    expect((await t.api('GET', `/api/cycles/${year}/economy`)).status).toBe(401);
    // Money is not a public meter.
    const meters = await t.api('GET', `/api/public/cycles/${year}/meters`);
    expect(JSON.stringify(meters.body)).not.toMatch(/1025000|placeringar/);
  });

  it("rolls the units' approved net costs up into their parent's report", async () => {
    const unitReport = (forecast: number, outcomeToDate: number) => ({ indicators: [{ indicatorId: 'KF-1', forecast: 85 }, { indicatorId: 'KF-2', forecast: 5.5 }], economy: { outcomeToDate, forecast } });
    await saved('bromma-skola', 't1', unitReport(51_500.5, 17_200));
    await submitted('bromma-skola', 't1');
    await approve('bromma-skola', 't1');
    // The other unit's report is only in review: it is not rolled up.
    await saved('bromma-forskola', 't1', unitReport(67_000, 22_000));
    await submitted('bromma-forskola', 't1');
    const parent = await t.api('GET', doc('bromma', 't1'), { as: reviewer });
    expect(parent.body.rollup.economy).toEqual({
      units: [{ boardId: 'bromma-skola', name: 'Nämnd bromma-skola', outcomeToDate: 17_200, forecast: 51_500.5, outcome: null }],
      total: { outcomeToDate: 17_200, forecast: 51_500.5, outcome: null },
    });
    await approve('bromma-forskola', 't1');
    const both = await t.api('GET', doc('bromma', 't1'), { as: editorOf('bromma') });
    expect(both.body.rollup.economy.total).toEqual({ outcomeToDate: 39_200, forecast: 118_500.5, outcome: null });
    expect(both.body.rollup.economy.units.map((unit: { boardId: string }) => unit.boardId)).toEqual(['bromma-forskola', 'bromma-skola']);
    // The units stay out of the city's overview, whose total is the boards'.
    expect((await t.api('GET', `/api/cycles/${year}/economy`, { as: executive })).body.total.budget).toBe(1_000_000);
  });
});
