import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import type { ZodType } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../local/tokenIssuer';
import { apiRoutes } from '../../shared/api/routes';
import { roles, type Role } from '../../shared/domain/actor';
import { rolesFor } from '../../shared/domain/authorization';
import { MAX_BODY_BYTES, MAX_BODY_DEPTH } from '../../shared/http/handler';
import type { RouteSpec } from '../../shared/http/route';
import { documentKinds } from '../../shared/schemas/common';
import { saveDocumentBodyFor } from '../../shared/schemas/documents';
import { garbageBodyArb, mutate, mutationArb, pathsOf, RawJson, setAtSchemaPath, toJsonText, type Mutation } from '../support/hostileJson';
import { admin, editorOf, reviewer, startTestStack, type Caller, type TestStack } from '../support/localStack';
import { asHeaderValue, closeRawAgent, rawRequest, type RawAnswer } from '../support/rawHttp';
import { snapshotDiff, TableSnapshots, type Snapshot } from '../support/tableSnapshot';
import { arbitraryFor, arrayFieldsWithMax, numberFields, patternFields, stringFieldsWithMax } from '../support/zodArbitrary';

/**
 * Hostile input on every route of the catalogue (shared/api/routes.ts), over HTTP against one local stack:
 * near-valid bodies derived from each route's zod schema with one field mutated, arbitrary JSON and garbage,
 * hostile path parameters and query strings, If-Match / Idempotency-Key / Authorization values, forged and odd tokens.
 *
 * Properties, for every request: no 5xx; every 4xx is problem+json with `type, title, status, detail` and `status`
 * equal to the HTTP status; and a refused request, or any GET, changes nothing in the stored state (the app table and
 * the local Step Functions table, scanned before and after; an accepted write moves the baseline once the workflows
 * it started are idle).
 *
 * Deterministic by default (fixed seed); FUZZ_SEED=<n> explores another part of the space, FUZZ_RUNS=<n> scales the
 * runs per route. A failure prints the seed and the counterexample path to replay it.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_131);
const RUNS = Number(process.env.FUZZ_RUNS ?? 80);

const year = 2026;
const calendar = { planDue: '2026-01-31', t1Due: '2026-05-15', t2Due: '2026-09-15', annualDue: '2027-02-15', signoffDue: '2027-04-15' };
const boards = ['bromma', 'farsta', 'kultur', 'sisab'] as const;
const councilGoals = {
  directionGoals: [
    {
      id: 'D1',
      title: 'En modern storstad',
      areaGoals: [
        {
          id: 'D1.1',
          title: 'Alla elever når målen',
          indicators: [
            { id: 'KF-1', name: 'Behöriga till gymnasiet', unit: '%', direction: 'higher', target: 90 },
            { id: 'KF-2', name: 'Sjukfrånvaro', unit: '%', direction: 'lower', target: 6, boards: ['bromma', 'farsta', 'kultur', 'sisab'] },
          ],
        },
      ],
    },
  ],
};
const planBody = {
  content: {
    targets: [
      { indicatorId: 'KF-1', target: 92 },
      { indicatorId: 'KF-2', target: 5.5 },
    ],
    goals: [{ id: 'N1', title: 'Fler elever klarar skolan', areaGoalId: 'D1.1', activities: ['Läxhjälp'] }],
    ownIndicators: [{ id: 'N1-1', goalId: 'N1', name: 'Deltagare i läxhjälp', unit: 'st', direction: 'higher', target: 200 }],
    risks: [{ id: 'R1', title: 'Brist på lärare', probability: 3, consequence: 4 }],
    controls: [{ id: 'C1', riskId: 'R1', description: 'Uppföljning av rekrytering', frequency: 'quarterly' }],
  },
};
const reportBody = {
  content: {
    indicators: [
      {
        indicatorId: 'KF-1',
        outcome: 84,
        forecast: 86,
        comment: 'Enligt plan.',
        source: { name: 'Kolada (RKA)', fetchedAt: '2026-04-01T00:00:00.000Z', kpi: 'N15428', unit: '0180', byGender: { T: 84, K: 86, M: null } },
      },
      { indicatorId: 'KF-2', outcome: 5.9, forecast: 5.8 },
      { indicatorId: 'N1-1', outcome: 150, forecast: 210 },
    ],
    goals: [{ goalId: 'N1', assessment: 'partly', comment: 'Delvis.' }],
    internalControl: { assessment: 'sufficient', comment: 'Fungerar.' },
    analysis: 'Året går som planerat.',
  },
};

/** A valid body for each route with one (the document's depends on the kind in the path). */
const validBodies: Record<string, unknown> = {
  putBoard: { name: 'Bromma stadsdelsnämnd', kind: 'district', contacts: ['kansli@bromma.example', 'sekreterare@bromma.example'], locale: 'sv' },
  createCycle: {
    year: 2031,
    calendar: { planDue: '2031-01-31', t1Due: '2031-05-15', t2Due: '2031-09-15', annualDue: '2032-02-15', signoffDue: '2032-04-15', reminderDaysBefore: 7, escalateEveryDays: 7, timeZone: 'Europe/Stockholm' },
    reviewerContacts: ['granskning@stad.example'],
  },
  changeCalendar: { t1Due: '2026-05-20', reminderDaysBefore: 5, timeZone: 'Europe/Stockholm' },
  putCouncilGoals: councilGoals,
  putBudget: { unit: 'tkr', boards: [{ boardId: 'bromma', netCost: 1_180_500 }, { boardId: 'sisab', netCost: 0, returnRequirement: 4.5 }] },
  putReportSections: { sections: [{ id: 'jamstalldhet', title: 'Jämställdhet', help: 'Hur arbetar nämnden?', kinds: ['annual'], required: true, boardKinds: ['district', 'company'] }] },
  decideDocument: { decision: 'return', comment: 'Komplettera riskanalysen.', indicatorComments: [{ indicatorId: 'KF-1', comment: 'Höj målet.' }] },
  signOff: { comment: 'Året är avslutat.', companies: [{ boardId: 'sisab', withinPurpose: false, comment: 'Se bilaga.' }] },
  importKoladaOutcomes: {
    kind: 't1',
    source: 'Kolada (RKA), api.kolada.se v3',
    fetchedAt: '2026-05-01T00:00:00Z',
    mapping: { indicators: [{ kpi: 'N15428', indicatorId: 'KF-1' }], boards: [{ municipality: '0180', boardId: 'bromma' }, { ou: 'V15E018000101', boardId: 'farsta' }] },
    data: { count: 1, values: [{ kpi: 'N15428', municipality: '0180', period: 2026, values: [{ gender: 'T', count: 1, status: '', value: 87.5 }, { gender: 'K', value: null }] }] },
  },
  previewOutcomeImport: { kind: 't1', format: 'csv', content: 'Nämnd;Indikator;Utfall\r\nbromma;KF-1;87,5\r\n', fileName: 'utfall.csv', units: [] },
  applyOutcomeImport: {
    kind: 't1',
    format: 'kolada',
    content: JSON.stringify({ count: 1, values: [{ kpi: 'N15428', municipality: '0180', period: 2026, values: [{ gender: 'T', value: 87.5 }] }], next_url: null }),
    units: [{ municipality: '0180', boardId: 'bromma' }],
    documents: [{ boardId: 'bromma', version: 0 }],
  },
  putUser: { name: 'Nina Ny', email: 'nina@bromma.example', role: 'editor', boards: ['bromma'], locale: 'sv' },
  fetchKoladaPages: { kpis: ['N15428'], municipalities: ['0180'], ous: [], years: [2026] },
  previewBudget: { format: 'csv', content: 'Nämnd;Nettokostnad\r\nbromma;1 250 000\r\n', fileName: 'budget.csv' },
};

const bodyFor = (route: RouteSpec, kind: string): { schema?: ZodType; sample?: unknown } => {
  if (route.operationId === 'saveDocument') {
    const plan = kind === 'plan';
    return { schema: saveDocumentBodyFor(plan ? 'plan' : 't1'), sample: plan ? planBody : reportBody };
  }
  return { schema: route.body, sample: validBodies[route.operationId] };
};

// ── Path parameters ─────────────────────────────────────────────────────────
const validParam: Record<string, fc.Arbitrary<string>> = {
  year: fc.constantFrom('2026', '2026', '2026', '2031', '2025'),
  boardId: fc.constantFrom(...boards),
  kind: fc.constantFrom(...documentKinds),
  id: fc.constantFrom('KF-1', 'KF-2', 'KF-9'),
  userId: fc.constantFrom('anna.admin', 'erik.bromma', 'ny.person'),
  // A compiled report's file: `{kind}.docx` as one path segment.
  file: fc.constantFrom('annual.docx', 't1.docx', 't2.docx', 'plan.docx'),
};

/** Percent-encodes any string, lone surrogates included (as the bytes a careless client would send). */
const encodeAny = (value: string) => {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...Buffer.from(value, 'utf8')].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('') + '%ED%A0%80';
  }
};

const hostileParamArb = (name: string): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 30 }).map(encodeAny),
    fc.string({ unit: 'binary', maxLength: 30 }).map(encodeAny),
    fc.constantFrom(
      '..',
      '.',
      '%2e%2e',
      '..%2f..%2f..%2fpackage.json',
      '..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd',
      '..%5c..%5cwindows',
      '%2F',
      '%00',
      'bromma%00',
      'bromma%23x',
      'bromma#x',
      '%23',
      'a%23b',
      'BOARD%23bromma',
      'CYCLE%232026%23BOARD%23bromma',
      '%',
      '%zz',
      '%E0%A4%A',
      '%C0%AF',
      '%ED%A0%80',
      '%FF',
      'bromma%20',
      '%20bromma',
      'Bromma',
      'bromma.',
      'br%C3%B6mma',
      '%F0%9F%98%80',
      '0x7EA',
      '2026.0',
      '2026e0',
      '1e3',
      '-0',
      'NaN',
      'Infinity',
      '02026',
      '%202026%20',
      '2026abc',
      '99999999999999999999',
      '%E2%80%AEplan',
      'plan%00',
      'PLAN',
      '__proto__',
      'constructor',
    ),
    fc.integer({ min: 65, max: 6000 }).map((n) => 'a'.repeat(n)),
    fc.tuple(validParam[name] ?? fc.constant('x'), fc.stringMatching(/^[a-z0-9-]{0,10}$/)).map(([valid, tail]) => `${valid}%23${tail}`),
  );

// ── Headers ─────────────────────────────────────────────────────────────────
const anyHeaderText = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.integer({ min: 129, max: 4000 }).map((n) => 'k'.repeat(n)),
  fc.constantFrom('', ' ', '*', '"', '""', 'W/"1"', '"-1"', '"1.5"', '"99999999999"', '"0', '0"', '1, 2', '"1", "2"', 'null', 'a#b', 'key with spaces', '\u0000'),
);
const ifMatchArb = fc.oneof(fc.constant('CURRENT'), fc.constantFrom('"0"', '"1"', '"2"', '"3"', 'W/"2"', '3'), anyHeaderText);
const idempotencyKeyArb = fc.oneof(fc.uuid(), fc.constant('fuzz-reused-key'), fc.stringMatching(/^[A-Za-z0-9._:-]{1,128}$/), anyHeaderText);
const contentTypeArb = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json; charset=utf-16',
  '',
  'NONE',
);

// ── Callers ─────────────────────────────────────────────────────────────────
type CallerSpec =
  | { kind: 'default' }
  | { kind: 'none' }
  | { kind: 'header'; value: string }
  | { kind: 'token'; caller: Caller }
  | { kind: 'forged'; how: 'alg-none' | 'other-key' | 'hs256-public-key' | 'expired' | 'wrong-issuer' | 'wrong-audience' | 'no-sub' | 'odd-claims' | 'truncated'; role: Role };

const callerArb: fc.Arbitrary<CallerSpec> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc
    .oneof(anyHeaderText, fc.constantFrom('Bearer', 'Bearer ', 'Basic YWRtaW46YWRtaW4=', 'Bearer null', 'Bearer undefined', 'bearer  x.y.z', 'Bearer a.b.c', 'Bearer eyJ.eyJ.'))
    .map((value) => ({ kind: 'header' as const, value })),
  fc
    .record({
      sub: fc.oneof(fc.stringMatching(/^[a-z.]{1,20}$/), fc.string({ minLength: 1, maxLength: 128 }), fc.constantFrom('a#b', 'IDEMPOTENCY', '__proto__', 'anna.admin')),
      role: fc.constantFrom(...roles),
      boards: fc.array(fc.oneof(fc.constantFrom(...boards), fc.constantFrom('BROMMA', 'bromma#x', '*', '', 'all', 'farsta,kultur', '[bromma]')), { maxLength: 3 }),
    })
    .map((caller) => ({ kind: 'token' as const, caller })),
  fc
    .record({
      how: fc.constantFrom('alg-none', 'other-key', 'hs256-public-key', 'expired', 'wrong-issuer', 'wrong-audience', 'no-sub', 'odd-claims', 'truncated'),
      role: fc.constantFrom(...roles),
    })
    .map((forged) => ({ kind: 'forged' as const, ...forged })),
);

// ── Cases ───────────────────────────────────────────────────────────────────
interface FuzzCase {
  focus: 'valid' | 'body' | 'garbage' | 'path' | 'query' | 'headers' | 'auth';
  params: Record<string, string>;
  /** The query string, `?` included, or empty. */
  query: string;
  body?: string;
  mutation?: string;
  ifMatch?: string;
  idempotencyKey?: string;
  correlationId?: string;
  contentType: string;
  caller: CallerSpec;
}

function paramNames(route: RouteSpec): string[] {
  return [...route.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
}

/** A valid query for the route's query schema (as strings), or nothing. */
function validQueryArb(route: RouteSpec): fc.Arbitrary<string> {
  if (!route.query) return fc.constant('');
  return fc.option(arbitraryFor(route.query), { nil: undefined, freq: 2 }).map((value) => {
    if (!value || typeof value !== 'object') return '';
    const pairs = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
    return pairs.length ? `?${pairs.map(([key, item]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(item))}`).join('&')}` : '';
  });
}

/** Hostile query strings: the route's own keys with hostile values, repeated keys, prototype keys, broken encoding. */
function hostileQueryArb(route: RouteSpec): fc.Arbitrary<string> {
  const keys = route.query ? Object.keys((route.query as unknown as { shape: Record<string, unknown> }).shape ?? {}) : [];
  const keyArb = fc.oneof(fc.constantFrom(...keys, 'year', '__proto__', 'constructor', 'toString', 'x', ''), fc.string({ maxLength: 10 }).map(encodeAny));
  const pair = fc.tuple(keyArb, fc.oneof(hostileParamArb('year'), fc.constantFrom('', '2026', '2026&year=2027'))).map(([key, value]) => `${key}=${value}`);
  return fc.oneof(
    fc.array(pair, { minLength: 1, maxLength: 4 }).map((pairs) => `?${pairs.join('&')}`),
    fc.constantFrom('?', '??', '?&&&', '?year', '?year=', '?year=2026&year=2025', '?%', '?year=%zz', '?year[]=2026', '?year[__proto__]=1', `?x=${'q'.repeat(6000)}`),
  );
}

function caseArb(route: RouteSpec): fc.Arbitrary<FuzzCase> {
  const names = paramNames(route);
  const validParams = fc.record(Object.fromEntries(names.map((name) => [name, validParam[name]!])));
  const hostileParams = names.length
    ? fc.tuple(validParams, fc.constantFrom(...names), fc.constantFrom(...names)).chain(([params, first, second]) =>
        fc.tuple(hostileParamArb(first), fc.option(hostileParamArb(second), { freq: 4 })).map(([a, b]) => ({ ...params, [first]: a, ...(b === null ? {} : { [second]: b }) })),
      )
    : validParams;
  const hasIfMatch = ['saveDocument', 'changeCalendar', 'putCouncilGoals', 'putBudget', 'putReportSections'].includes(route.operationId);
  const takesKey = route.method === 'post';
  const base = {
    query: validQueryArb(route),
    ifMatch: fc.constant(hasIfMatch ? 'CURRENT' : undefined),
    idempotencyKey: takesKey ? fc.option(fc.uuid(), { nil: undefined }) : fc.constant(undefined),
    correlationId: fc.constant(undefined),
    contentType: fc.constant('application/json'),
    caller: fc.constant<CallerSpec>({ kind: 'default' }),
  };

  const bodyText = (params: Record<string, string>) => {
    const { schema, sample } = bodyFor(route, params.kind ?? 'plan');
    const samples = [...(sample !== undefined ? [fc.constant(sample)] : []), ...(schema ? [arbitraryFor(schema)] : [])];
    return samples.length ? fc.oneof(...samples) : fc.constant<unknown>({});
  };

  const valid = validParams.chain((params) =>
    fc.record({ ...base, focus: fc.constant('valid' as const), params: fc.constant(params), body: route.body || route.bodyFor ? bodyText(params).map(toJsonText) : fc.constant(undefined) }),
  );
  const nearValid = validParams.chain((params) =>
    fc.tuple(bodyText(params), fc.nat(), mutationArb).chain(([sample, at, mutation]) => {
      const paths = pathsOf(sample);
      const path = paths[at % paths.length]!;
      return fc.record({
        ...base,
        focus: fc.constant('body' as const),
        params: fc.constant(params),
        body: fc.constant(mutate(sample, path, mutation)),
        mutation: fc.constant(`${describeMutation(mutation)} at ${path.join('.') || '(root)'}`),
      });
    }),
  );
  const garbage = validParams.chain((params) =>
    bodyText(params).chain((sample) =>
      fc.record({ ...base, focus: fc.constant('garbage' as const), params: fc.constant(params), body: garbageBodyArb(toJsonText(sample)), contentType: contentTypeArb }),
    ),
  );
  const path = hostileParams.chain((params) =>
    fc.record({ ...base, focus: fc.constant('path' as const), params: fc.constant(params), body: bodyText(params).map(toJsonText) }),
  );
  const query = validParams.chain((params) =>
    fc.record({ ...base, focus: fc.constant('query' as const), params: fc.constant(params), body: bodyText(params).map(toJsonText), query: hostileQueryArb(route) }),
  );
  const headers = validParams.chain((params) =>
    fc.record({
      ...base,
      focus: fc.constant('headers' as const),
      params: fc.constant(params),
      body: bodyText(params).map(toJsonText),
      ifMatch: fc.option(ifMatchArb, { nil: undefined }),
      idempotencyKey: fc.option(idempotencyKeyArb, { nil: undefined }),
      correlationId: fc.option(anyHeaderText, { nil: undefined }),
      contentType: contentTypeArb,
    }),
  );
  const auth = validParams.chain((params) =>
    fc.record({ ...base, focus: fc.constant('auth' as const), params: fc.constant(params), body: bodyText(params).map(toJsonText), caller: callerArb }),
  );
  return fc.oneof(
    { weight: 1, arbitrary: valid },
    { weight: 5, arbitrary: nearValid },
    { weight: 2, arbitrary: garbage },
    { weight: names.length ? 3 : 0, arbitrary: path },
    { weight: route.query ? 2 : 1, arbitrary: query },
    { weight: 2, arbitrary: headers },
    { weight: 2, arbitrary: auth },
  );
}

function describeMutation(mutation: Mutation): string {
  const value = 'value' in mutation ? mutation.value : undefined;
  const shown = value instanceof RawJson ? value.toString() : typeof value === 'string' && value.length > 40 ? `${value.length}× ${JSON.stringify(value[0])}` : JSON.stringify(value);
  return mutation.kind === 'extraKey' ? `extraKey ${JSON.stringify(mutation.key)}` : `${mutation.kind}${shown === undefined ? '' : ` ${shown}`}`;
}

// ── The run ─────────────────────────────────────────────────────────────────
describe('fuzzing every route with hostile input', () => {
  let t: TestStack;
  let tables: TableSnapshots;
  let baseline: Snapshot;
  let signingKey: CryptoKey | Uint8Array;
  let publicJwk: JWK;
  const stats = { snapshotMs: 0, cases: 0, refused: 0, accepted: 0, byStatus: new Map<number, number>(), byRoute: new Map<string, Map<number, number>>() };

  async function documentPath(boardId: string, kind: string) {
    return `/api/cycles/${year}/boards/${boardId}/documents/${kind}`;
  }
  async function ok(answer: { status: number; body: unknown }, expected: number) {
    expect(answer.status, JSON.stringify(answer.body)).toBe(expected);
  }

  beforeAll(async () => {
    t = await startTestStack();
    for (const boardId of boards) {
      const kind = boardId === 'kultur' ? 'specialist' : boardId === 'sisab' ? 'company' : 'district';
      await ok(await t.api('PUT', `/api/boards/${boardId}`, { as: admin, body: { name: `Nämnd ${boardId}`, kind, contacts: [`kansli@${boardId}.example`] } }), 201);
    }
    await ok(await t.api('POST', '/api/cycles', { as: admin, body: { year, calendar } }), 201);
    await ok(await t.api('PUT', `/api/cycles/${year}/council-goals`, { as: admin, body: councilGoals }), 200);
    // bromma: plan approved (which also fixes the council goals), t1 returned; farsta: plan in review; kultur: plan draft; sisab: nothing.
    for (const boardId of ['bromma', 'farsta', 'kultur']) {
      await ok(await t.api('PUT', await documentPath(boardId, 'plan'), { as: editorOf(boardId), headers: { 'if-match': '"0"' }, body: planBody }), 200);
    }
    for (const boardId of ['bromma', 'farsta']) await ok(await t.api('POST', `${await documentPath(boardId, 'plan')}/submit`, { as: editorOf(boardId) }), 202);
    await t.stack.runDueJobs();
    await ok(await t.api('POST', `${await documentPath('bromma', 'plan')}/decision`, { as: reviewer, body: { decision: 'approve', comment: 'Bra.' } }), 200);
    await t.stack.runDueJobs();
    await ok(await t.api('PUT', await documentPath('bromma', 't1'), { as: editorOf('bromma'), headers: { 'if-match': '"0"' }, body: reportBody }), 200);
    await ok(await t.api('POST', `${await documentPath('bromma', 't1')}/submit`, { as: editorOf('bromma') }), 202);
    await t.stack.runDueJobs();
    await ok(await t.api('POST', `${await documentPath('bromma', 't1')}/decision`, { as: reviewer, body: { decision: 'return', comment: 'Komplettera.' } }), 200);
    await t.stack.runDueJobs();

    const stored = JSON.parse(readFileSync(join(t.dataDir, 'local-signing-key.json'), 'utf8')) as { privateJwk: JWK; publicJwk: JWK };
    signingKey = await importJWK(stored.privateJwk, 'ES256');
    publicJwk = stored.publicJwk;
    tables = new TableSnapshots(t.stack.dynamoEndpoint, [
      { name: t.tableName, key: ['PK', 'SK'] },
      { name: `${t.tableName}-sfn`, key: ['pk', 'sk'] },
    ]);
    baseline = await tables.take();
  });

  afterAll(async () => {
    const statuses = [...stats.byStatus.entries()].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(' ');
    const show = (counts: Map<number, number>) => [...counts.entries()].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(' ');
    for (const [operationId, counts] of stats.byRoute) console.log(`fuzz ${operationId}: ${show(counts)}`);
    console.log(`fuzz: ${Math.round(stats.snapshotMs)} ms in snapshots; ${stats.cases} cases over ${stats.byRoute.size} routes (seed ${SEED}, ${RUNS} runs per route): ${stats.accepted} accepted, ${stats.refused} refused; ${statuses}`);
    tables?.destroy();
    closeRawAgent();
    await t?.stop();
  });

  const b64 = (value: object | string) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

  async function authorizationFor(route: RouteSpec, spec: CallerSpec, params: Record<string, string>): Promise<string | undefined> {
    const claims = (role: Role) => ({ 'cognito:groups': [role], 'custom:boards': boards.join(','), token_use: 'id' });
    switch (spec.kind) {
      case 'none':
        return undefined;
      case 'header':
        return spec.value;
      case 'token':
        return `Bearer ${await t.stack.issuer.issue(spec.caller)}`;
      case 'default': {
        if (route.auth === 'public' || !route.action) return undefined;
        const role = rolesFor(route.action)[0]!;
        const boardId = /^[a-z0-9][a-z0-9-]{0,63}$/.test(params.boardId ?? '') ? params.boardId! : 'bromma';
        const caller: Caller = role === 'editor' ? editorOf(boardId) : { sub: `${role}.fuzz`, role, boards: [] };
        return `Bearer ${await t.stack.issuer.issue(caller)}`;
      }
      case 'forged': {
        const now = Math.floor(Date.now() / 1000);
        const sign = (payload: Record<string, unknown>, options: { iss?: string; aud?: string; exp?: number; sub?: string | null } = {}) => {
          const jwt = new SignJWT(payload).setProtectedHeader({ alg: 'ES256' }).setIssuedAt().setIssuer(options.iss ?? LOCAL_ISSUER).setAudience(options.aud ?? LOCAL_AUDIENCE);
          if (options.sub !== null) jwt.setSubject(options.sub ?? 'forger');
          return jwt.setExpirationTime(options.exp ?? now + 3600).sign(signingKey);
        };
        switch (spec.how) {
          case 'alg-none':
            return `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'forger', iss: LOCAL_ISSUER, aud: LOCAL_AUDIENCE, exp: now + 3600, ...claims(spec.role) })}.`;
          case 'other-key': {
            const { privateKey } = await generateKeyPair('ES256');
            const jwt = await new SignJWT(claims(spec.role)).setProtectedHeader({ alg: 'ES256' }).setSubject('forger').setIssuer(LOCAL_ISSUER).setAudience(LOCAL_AUDIENCE).setExpirationTime(now + 3600).sign(privateKey);
            return `Bearer ${jwt}`;
          }
          case 'hs256-public-key': {
            const secret = new TextEncoder().encode(JSON.stringify(publicJwk));
            const jwt = await new SignJWT(claims(spec.role)).setProtectedHeader({ alg: 'HS256' }).setSubject('forger').setIssuer(LOCAL_ISSUER).setAudience(LOCAL_AUDIENCE).setExpirationTime(now + 3600).sign(secret);
            return `Bearer ${jwt}`;
          }
          case 'expired':
            return `Bearer ${await sign(claims(spec.role), { exp: now - 60 })}`;
          case 'wrong-issuer':
            return `Bearer ${await sign(claims(spec.role), { iss: 'https://evil.example' })}`;
          case 'wrong-audience':
            return `Bearer ${await sign(claims(spec.role), { aud: 'someone-else' })}`;
          case 'no-sub':
            return `Bearer ${await sign(claims(spec.role), { sub: null })}`;
          case 'odd-claims':
            return `Bearer ${await sign({ 'cognito:groups': 'admin editor', 'custom:boards': '[bromma farsta]', email: 42, 'custom:locale': { x: 1 } }, { sub: 'odd' })}`;
          case 'truncated': {
            const jwt = await t.stack.issuer.issue({ sub: 'truncated', role: spec.role });
            return `Bearer ${jwt.slice(0, -5)}`;
          }
        }
      }
    }
  }

  async function currentEtag(route: RouteSpec, params: Record<string, string>): Promise<string> {
    if (route.operationId === 'saveDocument') {
      const answer = await t.api('GET', `/api/cycles/${params.year}/boards/${params.boardId}/documents/${params.kind}`, { as: admin });
      return answer.headers.get('etag') ?? '"0"';
    }
    if (route.operationId === 'putCouncilGoals' || route.operationId === 'putBudget' || route.operationId === 'putReportSections') {
      const setting = { putCouncilGoals: 'council-goals', putBudget: 'budget', putReportSections: 'report-sections' }[route.operationId];
      const answer = await t.api('GET', `/api/cycles/${params.year}/${setting}`, { as: admin });
      return answer.headers.get('etag') ?? '"0"';
    }
    const answer = await t.api('GET', `/api/cycles/${params.year}`, { as: admin });
    return answer.headers.get('etag') ?? '"0"';
  }

  async function send(route: RouteSpec, c: FuzzCase): Promise<{ path: string; answer: RawAnswer }> {
    let path = route.path;
    for (const [name, value] of Object.entries(c.params)) path = path.replace(`{${name}}`, value);
    const headers: Record<string, string> = {};
    if (c.contentType !== 'NONE' && c.body !== undefined) headers['content-type'] = c.contentType;
    const authorization = await authorizationFor(route, c.caller, c.params);
    if (authorization !== undefined) headers.authorization = asHeaderValue(authorization);
    if (c.ifMatch !== undefined) headers['if-match'] = c.ifMatch === 'CURRENT' ? await currentEtag(route, c.params) : asHeaderValue(c.ifMatch);
    if (c.idempotencyKey !== undefined) headers['idempotency-key'] = asHeaderValue(c.idempotencyKey);
    if (c.correlationId !== undefined) headers['x-correlation-id'] = asHeaderValue(c.correlationId);
    const answer = await rawRequest(t.stack.url, { method: route.method.toUpperCase(), path: path + c.query, headers, body: c.body });
    return { path, answer };
  }

  function describeCase(route: RouteSpec, c: FuzzCase, path: string, answer: RawAnswer): string {
    const body = c.body === undefined ? '(none)' : c.body.length > 300 ? `${c.body.slice(0, 300)}… (${c.body.length} chars)` : c.body;
    return [
      `${route.method.toUpperCase()} ${path.length > 200 ? `${path.slice(0, 200)}…` : path}${c.query.length > 200 ? `${c.query.slice(0, 200)}…` : c.query} → ${answer.status}`,
      `focus: ${c.focus}${c.mutation ? ` (${c.mutation})` : ''}; caller: ${JSON.stringify(c.caller)}`,
      `if-match: ${JSON.stringify(c.ifMatch)}; idempotency-key: ${JSON.stringify(c.idempotencyKey)}; content-type: ${c.contentType}`,
      `body: ${body}`,
      `answer: ${answer.text.slice(0, 500)}`,
    ].join('\n');
  }

  /**
   * A 5xx is a bug, except a 503 the route declares with Retry-After: a dependency out of reach (locally, Kolada: no
   * internet), which the problem says how to work around.
   */
  function assertProblem(answer: RawAnswer, context: () => string, route?: RouteSpec) {
    const declared503 = answer.status === 503 && route?.responses[503] !== undefined && answer.headers['retry-after'] !== undefined;
    if (answer.status >= 500 && !declared503) throw new Error(`5xx answer:\n${context()}`);
    if (answer.status < 400) return;
    if (!(answer.headers['content-type'] ?? '').startsWith('application/problem+json')) throw new Error(`4xx without problem+json content type:\n${context()}`);
    const problem = answer.json as Record<string, unknown> | undefined;
    const shapeOk =
      problem &&
      typeof problem === 'object' &&
      typeof problem.type === 'string' &&
      typeof problem.title === 'string' &&
      typeof problem.detail === 'string' &&
      problem.detail.length > 0 &&
      problem.status === answer.status;
    if (!shapeOk) throw new Error(`4xx body is not a problem with type, title, status (= HTTP status) and detail:\n${context()}`);
  }

  for (const route of apiRoutes) {
    it(`${route.method.toUpperCase()} ${route.path}`, async () => {
      await fc.assert(
        fc.asyncProperty(caseArb(route), async (c) => {
          const { path, answer } = await send(route, c);
          const context = () => describeCase(route, c, path, answer);
          stats.cases += 1;
          const perRoute = stats.byRoute.get(route.operationId) ?? new Map<number, number>();
          perRoute.set(answer.status, (perRoute.get(answer.status) ?? 0) + 1);
          stats.byRoute.set(route.operationId, perRoute);
          stats.byStatus.set(answer.status, (stats.byStatus.get(answer.status) ?? 0) + 1);
          assertProblem(answer, context, route);
          if (answer.status < 400) stats.accepted += 1;
          else stats.refused += 1;
          // A state change is allowed only to an accepted write; a GET, or anything refused, leaves the tables as they were.
          if (answer.status < 400 && route.method !== 'get') {
            const started = performance.now();
            await t.stack.runDueJobs();
            baseline = await tables.take();
            stats.snapshotMs += performance.now() - started;
            return;
          }
          const started = performance.now();
          const after = await tables.take();
          stats.snapshotMs += performance.now() - started;
          const diff = snapshotDiff(baseline, after);
          if (diff.added.length || diff.removed.length || diff.changed.length) {
            baseline = after;
            throw new Error(`a ${answer.status < 400 ? 'GET' : 'refused request'} changed stored state: ${JSON.stringify(diff)}\n${context()}`);
          }
        }),
        { seed: SEED + route.operationId.length * 7919 + apiRoutes.indexOf(route), numRuns: RUNS, endOnFailure: true },
      );
    });
  }

  // ── The limits, each checked explicitly ───────────────────────────────────
  describe('limits', () => {
    const limitChecks = { count: 0 };
    afterAll(() => console.log(`limits: ${limitChecks.count} explicit limit checks`));

    /** Where each body route is sent in the limit checks, with a caller allowed to call it. */
    const targets: Record<string, { path: string; caller: Caller; etag?: () => Promise<string>; key?: boolean }> = {
      putBoard: { path: '/api/boards/limits-board', caller: admin },
      createCycle: { path: '/api/cycles', caller: admin, key: true },
      changeCalendar: { path: `/api/cycles/${year}/calendar`, caller: admin },
      putCouncilGoals: { path: `/api/cycles/${year}/council-goals`, caller: admin },
      saveDocumentPlan: { path: `/api/cycles/${year}/boards/sisab/documents/plan`, caller: editorOf('sisab') },
      saveDocumentReport: { path: `/api/cycles/${year}/boards/sisab/documents/annual`, caller: editorOf('sisab') },
      decideDocument: { path: `/api/cycles/${year}/boards/kultur/documents/plan/decision`, caller: reviewer, key: true },
      signOff: { path: `/api/cycles/${year}/signoff`, caller: { sub: 'ks.fuzz', role: 'executive' }, key: true },
      importKoladaOutcomes: { path: `/api/cycles/${year}/imports/kolada`, caller: admin, key: true },
      previewOutcomeImport: { path: `/api/cycles/${year}/imports/preview`, caller: admin },
      applyOutcomeImport: { path: `/api/cycles/${year}/imports/apply`, caller: admin, key: true },
      previewBudget: { path: `/api/cycles/${year}/budget/preview`, caller: admin },
    };
    const bodyRoutes = () =>
      Object.entries(targets).map(([name, target]) => {
        const operationId = name.startsWith('saveDocument') ? 'saveDocument' : name;
        const route = apiRoutes.find((candidate) => candidate.operationId === operationId)!;
        const { schema, sample } = bodyFor(route, name === 'saveDocumentPlan' ? 'plan' : 'annual');
        return { name, route, target, schema: schema!, sample };
      });

    async function call(target: { path: string; caller: Caller; key?: boolean }, route: RouteSpec, body: string): Promise<RawAnswer> {
      const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${await t.stack.issuer.issue(target.caller)}` };
      if (['saveDocument', 'changeCalendar', 'putCouncilGoals'].includes(route.operationId)) {
        const etag = await t.api('GET', route.operationId === 'saveDocument' ? target.path : route.operationId === 'changeCalendar' ? `/api/cycles/${year}` : target.path, { as: admin });
        headers['if-match'] = etag.headers.get('etag') ?? '"0"';
      }
      if (target.key) headers['idempotency-key'] = `limits-${Math.random().toString(36).slice(2)}`;
      limitChecks.count += 1;
      return rawRequest(t.stack.url, { method: route.method.toUpperCase(), path: target.path, headers, body });
    }

    async function refusedUnchanged(answer: RawAnswer, expected: number, what: string) {
      expect(answer.status, `${what}: ${answer.text.slice(0, 400)}`).toBe(expected);
      assertProblem(answer, () => what);
      const after = await tables.take();
      expect(snapshotDiff(baseline, after), what).toEqual({ added: [], removed: [], changed: [] });
    }

    async function rebaseline() {
      await t.stack.runDueJobs();
      baseline = await tables.take();
    }

    it(`answers a body over ${MAX_BODY_BYTES / 1024} KB with 413 problem+json on every route with a body, and one of exactly the limit is read`, async () => {
      await rebaseline();
      for (const { name, route, target, sample } of bodyRoutes()) {
        const text = toJsonText(sample);
        // Pad with an extra field (so only the size is wrong) to exactly the limit, then one byte over.
        const padded = (bytes: number) => `{"padding":"${'x'.repeat(bytes - Buffer.byteLength(`{"padding":"",${text.slice(1)}`))}",${text.slice(1)}`;
        expect(Buffer.byteLength(padded(MAX_BODY_BYTES))).toBe(MAX_BODY_BYTES);
        await refusedUnchanged(await call(target, route, padded(MAX_BODY_BYTES + 1)), 413, `${name}: ${MAX_BODY_BYTES + 1} bytes`);
        // Multi-byte characters count as bytes, not characters.
        const wide = `{"padding":"${'å'.repeat(MAX_BODY_BYTES / 2)}",${text.slice(1)}`;
        await refusedUnchanged(await call(target, route, wide), 413, `${name}: ${MAX_BODY_BYTES / 2} two-byte characters`);
        const atLimit = await call(target, route, padded(MAX_BODY_BYTES));
        expect(atLimit.status, `${name} at exactly ${MAX_BODY_BYTES} bytes: ${atLimit.text.slice(0, 300)}`).not.toBe(413);
        assertProblem(atLimit, () => `${name} at the limit`);
        await rebaseline();
      }
      // Past the gateway's own 10 MB limit, the local gateway refuses before any handler.
      const huge = await rawRequest(t.stack.url, { method: 'PUT', path: '/api/boards/limits-board', headers: { 'content-type': 'application/json', authorization: `Bearer ${await t.stack.issuer.issue(admin)}` }, body: Buffer.alloc(10 * 1024 * 1024 + 1, 0x20) });
      limitChecks.count += 1;
      await refusedUnchanged(huge, 413, 'over the gateway limit');
    });

    it('answers every text beyond its maximum length with 422 naming the field, and takes it at the maximum', async () => {
      await rebaseline();
      let fields = 0;
      for (const { name, route, target, schema, sample } of bodyRoutes()) {
        for (const field of stringFieldsWithMax(schema)) {
          const over = setAtSchemaPath(sample, field.path, 'x'.repeat(field.max + 1));
          if (over.hits === 0) continue;
          fields += 1;
          const what = `${name}: ${field.path.join('.')} with ${field.max + 1} characters`;
          const overText = toJsonText(over.value);
          const answer = await call(target, route, overText);
          if (Buffer.byteLength(overText) > MAX_BODY_BYTES) {
            await refusedUnchanged(answer, 413, what);
            continue;
          }
          await refusedUnchanged(answer, 422, what);
          const paths = ((answer.json as { errors?: Array<{ path: string }> }).errors ?? []).map((error) => error.path);
          expect(paths.some((path) => path.startsWith(`body.${field.path.filter((step) => step !== '*').join('.').split('.')[0]}`)), `${what}: ${paths.join(', ')}`).toBe(true);

          const atMax = toJsonText(setAtSchemaPath(sample, field.path, 'x'.repeat(field.max)).value);
          const accepted = await call(target, route, atMax);
          assertProblem(accepted, () => `${name}: ${field.path.join('.')} at ${field.max}`);
          const atMaxPaths = ((accepted.json as { errors?: Array<{ path: string }> } | undefined)?.errors ?? []).map((error) => error.path);
          expect(accepted.status === 422 && atMaxPaths.some((path) => path === `body.${field.path.join('.').replaceAll('*', '0')}`), `${name}: ${field.path.join('.')} at its maximum ${field.max}: ${accepted.text.slice(0, 300)}`).toBe(false);
          await rebaseline();
        }
      }
      expect(fields).toBeGreaterThan(25);
    });

    it('takes only finite numbers: 1e309, -1e309 and NaN in every number field are refused', async () => {
      await rebaseline();
      let fields = 0;
      for (const { name, route, target, schema, sample } of bodyRoutes()) {
        for (const path of numberFields(schema)) {
          for (const [raw, expected] of [
            ['1e309', 422],
            ['-1e309', 422],
            ['NaN', 400],
            ['Infinity', 400],
          ] as const) {
            const mutated = setAtSchemaPath(sample, path, new RawJson(raw));
            if (mutated.hits === 0) continue;
            if (raw === '1e309') fields += 1;
            await refusedUnchanged(await call(target, route, toJsonText(mutated.value)), expected, `${name}: ${path.join('.')} = ${raw}`);
          }
        }
      }
      expect(fields).toBeGreaterThan(10);
    });

    it('takes ids only in their pattern: "#" (our key separator), spaces, unicode and overlong ids are refused, in bodies and in paths', async () => {
      await rebaseline();
      let fields = 0;
      for (const { name, route, target, schema, sample } of bodyRoutes()) {
        for (const { path, pattern } of patternFields(schema)) {
          for (const bad of ['a#b', '#', 'BOARD#bromma', 'brömma', 'a b', '', 'a'.repeat(65), '../x']) {
            if (pattern.test(bad)) continue;
            const mutated = setAtSchemaPath(sample, path, bad);
            if (mutated.hits === 0) continue;
            if (bad === 'a#b') fields += 1;
            await refusedUnchanged(await call(target, route, toJsonText(mutated.value)), 422, `${name}: ${path.join('.')} = ${JSON.stringify(bad)}`);
          }
        }
      }
      expect(fields).toBeGreaterThan(10);

      // Path parameters: every route with one, each parameter with a '#' (encoded, as a client must send it).
      for (const route of apiRoutes.filter((candidate) => paramNames(candidate).length > 0)) {
        for (const name of paramNames(route)) {
          for (const bad of ['bromma%23x', '%23', 'a%23b', 'CYCLE%232026%23BOARD%23bromma', 'a'.repeat(65), '%F0%9F%98%80']) {
            let path = route.path;
            for (const other of paramNames(route)) path = path.replace(`{${other}}`, other === name ? bad : { year: '2026', boardId: 'bromma', kind: 'plan', id: 'KF-1' }[other]!);
            const caller = route.action ? rolesFor(route.action)[0]! : undefined;
            const headers: Record<string, string> = { 'content-type': 'application/json' };
            if (caller) headers.authorization = `Bearer ${await t.stack.issuer.issue(caller === 'editor' ? editorOf('bromma') : { sub: `${caller}.limits`, role: caller })}`;
            if (route.method !== 'get') headers['if-match'] = '"0"';
            limitChecks.count += 1;
            const answer = await rawRequest(t.stack.url, { method: route.method.toUpperCase(), path, headers, body: route.method === 'get' ? undefined : '{}' });
            // 400 from the handler, or 404 when the parameter is the id of a public indicator with no match.
            await refusedUnchanged(answer, 400, `${route.method.toUpperCase()} ${path}`);
          }
        }
      }
    });

    it('takes arrays only up to their maximum number of items', async () => {
      await rebaseline();
      let fields = 0;
      for (const { name, route, target, schema, sample } of bodyRoutes()) {
        for (const { path, max } of arrayFieldsWithMax(schema)) {
          // Fill the array with copies of its first element (or a string when it is empty).
          const first = (() => {
            let node: unknown = sample;
            for (const step of path) node = step === '*' ? (node as unknown[])?.[0] : (node as Record<string, unknown>)?.[step];
            return Array.isArray(node) ? node[0] : undefined;
          })();
          if (first === undefined) continue;
          fields += 1;
          const over = setAtSchemaPath(sample, path, Array.from({ length: max + 1 }, () => first));
          const text = toJsonText(over.value);
          await refusedUnchanged(await call(target, route, text), Buffer.byteLength(text) > MAX_BODY_BYTES ? 413 : 422, `${name}: ${path.join('.')} with ${max + 1} items`);
        }
      }
      expect(fields).toBeGreaterThan(5);
    });

    it(`refuses JSON nested deeper than ${MAX_BODY_DEPTH} levels anywhere in the body, and takes ${MAX_BODY_DEPTH}`, async () => {
      await rebaseline();
      let places = 0;
      for (const { name, route, target, sample } of bodyRoutes()) {
        // An extra field on every object of the sample (loose schemas keep unknown fields), and in place of every value.
        for (const path of pathsOf(sample)) {
          const node = path.reduce<unknown>((current, step) => (current as Record<string | number, unknown>)[step], sample);
          // 100 000 levels at the root (as deep as fits in the body limit), 100 elsewhere: both past the limit.
          const depth = path.length === 0 ? 100_000 : 100;
          const deep = new RawJson(`${'['.repeat(depth)}${']'.repeat(depth)}`);
          const variants = [mutate(sample, path, { kind: 'deepNesting', value: deep })];
          if (node && typeof node === 'object' && !Array.isArray(node)) variants.push(mutate(sample, path, { kind: 'extraKey', key: 'extra', value: deep }));
          for (const text of variants) {
            places += 1;
            await refusedUnchanged(await call(target, route, text), 422, `${name}: ${depth} levels at ${path.join('.') || '(root)'}`);
          }
        }
      }
      expect(places).toBeGreaterThan(100);
      // Exactly the limit, in an unknown field of Kolada's loose payload: read, and not refused for its depth.
      const kolada = bodyRoutes().find((entry) => entry.name === 'importKoladaOutcomes')!;
      const atLimit = mutate(kolada.sample, ['data'], { kind: 'extraKey', key: 'links', value: new RawJson(`${'['.repeat(MAX_BODY_DEPTH - 2)}${']'.repeat(MAX_BODY_DEPTH - 2)}`) });
      const answer = await call(kolada.target, kolada.route, atLimit);
      assertProblem(answer, () => 'Kolada payload nested exactly to the limit');
      expect(answer.text).not.toContain('levels deep');
      await rebaseline();
    });

    it('never serves a file from outside the web root, whatever the path', async () => {
      for (const path of ['/..%2f..%2fpackage.json', '/..%2F..%2F..%2F..%2Fetc%2Fpasswd', '/%2e%2e/%2e%2e/package.json', '/../../package.json', '/assets/..%2f..%2f..%2fpackage.json', '/..%5c..%5cpackage.json', '/%', '/%zz', '/%C0%AE%C0%AE/package.json']) {
        limitChecks.count += 1;
        const answer = await rawRequest(t.stack.url, { method: 'GET', path });
        expect(answer.status, `${path}: ${answer.text.slice(0, 200)}`).toBeLessThan(500);
        expect(answer.text, path).not.toContain('"devDependencies"');
        expect(answer.text, path).not.toMatch(/root:.*:0:0:/);
      }
    });
  });
});
