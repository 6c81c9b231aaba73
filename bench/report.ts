/** bench/results/latest.md: every figure with its goal, whether it is met, and why not where it is not. */
import type { Prices } from './cost';
import { median } from './lib/stats';
import { levelsReadPathGoals, readPathGoals } from './readPaths';
import type { LevelsResult, Summary, YearResult } from './run';

const OK = '✅';
const MISSED = '❌';
const GOALS = { costPerBoardYear: 0.01, historyEvents: 25_000, floorRatio: 1.25, overheadRatio: 1.5, growth: 1.25 };

const n = (value: number, digits = 0) =>
  Number.isFinite(value) ? value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '–';
const ms = (value: number) => (Number.isFinite(value) ? (value >= 100 ? n(value) : n(value, 1)) : '–');
const mb = (bytes: number) => `${n(bytes / 2 ** 20)} MB`;
const kb = (bytes: number) => `${n(bytes / 1024, 1)} KB`;
const usd = (value: number) =>
  value === 0 ? '$0' : value < 0.0001 ? `$${value.toExponential(2)}` : value < 1 ? `$${Number(value.toPrecision(3))}` : `$${value.toFixed(2)}`;
const met = (ok: boolean) => (ok ? OK : MISSED);
const seconds = (msValue: number) => `${n(msValue / 1000, 1)} s`;

function table(header: string[], rows: string[][], align?: string[]): string {
  const sep = align ?? header.map((_, i) => (i === 0 ? '---' : '---:'));
  return [`| ${header.join(' | ')} |`, `| ${sep.join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

/** The run whose figures stand for "at scale": 1,000 boards if run, else the largest. */
function headline(years: YearResult[]): YearResult | undefined {
  return years.find((y) => y.boards === 1000) ?? years.at(-1);
}

function growth(years: YearResult[]) {
  // The two largest scales from 100 up: 100 → 1,000, or 1,000 → 10,000 when that ran.
  const top = years.at(-1);
  const base = years.filter((y) => y.boards >= 100 && y !== top).at(-1) ?? years[0];
  if (!base || !top || base === top) return undefined;
  const metrics: Array<{ key: keyof YearResult['perBoard']; label: string; judged: boolean }> = [
    { key: 'apiRequests', label: 'API requests', judged: true },
    { key: 'dynamoCalls', label: 'DynamoDB calls', judged: true },
    { key: 'rru', label: 'read request units', judged: true },
    { key: 'wru', label: 'write request units', judged: true },
    { key: 'lambdaInvocations', label: 'Lambda invocations', judged: true },
    { key: 'stateTransitions', label: 'state transitions', judged: true },
    { key: 'emails', label: 'e-mails', judged: true },
    { key: 'lambdaGbSeconds', label: 'Lambda GB-s', judged: false },
    { key: 'wallMs', label: 'wall time', judged: false },
    { key: 'requestMs', label: 'wall time outside clock moves', judged: false },
  ];
  return {
    base,
    top,
    rows: metrics.map((m) => ({ ...m, factor: top.perBoard[m.key] / base.perBoard[m.key] })),
  };
}

export function renderMarkdown(summary: Summary, prices: Prices): string {
  const out: string[] = [];
  const { machine, years, bundles, overhead } = summary;
  const head = headline(years);
  const dirty = machine.uncommittedOutsideBench ?? [];
  const loads = [...years.map((y) => y.load), ...(summary.levels ? [summary.levels.load] : []), ...(overhead ? [overhead.load] : [])];
  const meanLoad = loads.length ? loads.reduce((sum, l) => sum + l.mean, 0) / loads.length : NaN;
  const maxLoad = loads.length ? Math.max(...loads.map((l) => l.max)) : NaN;

  out.push('# Årshjul benchmarks', '');
  out.push(
    `Written by \`npm run bench\` on ${machine.date.slice(0, 10)} (${machine.date.slice(11, 16)} UTC), in ${n(summary.durationMs / 60_000, 1)} min. ` +
      'Every ratio below is between two figures measured in the same run. Raw figures: `bench/results/*.json`; method: `bench/README.md`.',
    '',
  );
  out.push(
    table(
      ['machine', ''],
      [
        ['CPU', `${machine.cpuModel}, ${machine.cores} cores`],
        ['Memory', `${machine.memoryGb} GB`],
        ['Node', machine.node],
        ['OS', `${machine.os} (Linux ${machine.kernel})`],
        ['Java, DynamoDB Local', `${machine.java}; ${machine.dynamoDbLocal}, in memory`],
        [
          'Code measured',
          `commit ${machine.commit ?? 'unknown'}` +
            (dirty.length ? `, with uncommitted changes to ${dirty.length} files (${dirty.slice(0, 6).join(', ')}${dirty.length > 6 ? ', …' : ''})` : ''),
        ],
        [
          'Load average (1 min)',
          `${n(machine.loadAverageAtStart[0], 2)} at the start, ${n(meanLoad, 2)} on average during the runs (max ${n(maxLoad, 2)}), ${n(summary.loadAtEnd[0] ?? NaN, 2)} at the end` +
            (meanLoad > machine.cores ? ` — more than the ${machine.cores} cores: other engineers' tests shared the machine, so absolute times are pessimistic; counts and ratios are not affected.` : ''),
        ],
      ],
      ['---', '---'],
    ),
    '',
  );

  // ── Goals ──────────────────────────────────────────────────────────────────
  const goalRows: string[][] = [];
  const whys: string[] = [];
  if (head?.cost) {
    goalRows.push([`Cost per board-year (${n(head.boards)} boards)`, usd(head.cost.perBoardYear), `≤ ${usd(GOALS.costPerBoardYear)}`, met(head.cost.met)]);
    goalRows.push([
      `… if every Lambda invocation paid a cold start`,
      usd(head.cost.worstCaseColdPerBoardYear),
      `≤ ${usd(GOALS.costPerBoardYear)}`,
      met(head.cost.worstCaseColdPerBoardYear <= GOALS.costPerBoardYear),
    ]);
    if (!head.cost.met) {
      const top = [...head.cost.lines].sort((a, b) => b.usd - a.usd)[0]!;
      whys.push(`**Cost**: the largest item is ${top.item} (${usd(top.perBoardYear)} per board-year).`);
    }
  }
  if (head) {
    const max = head.sfn.maxHistory;
    goalRows.push([
      `Largest Step Functions history (${n(head.boards)} boards)`,
      max ? `${n(max.events)} events (\`${max.executionArn.split(':').slice(-2).join(':')}\`)` : '–',
      `≤ ${n(GOALS.historyEvents)}`,
      met((max?.events ?? 0) <= GOALS.historyEvents),
    ]);
  }
  if (bundles) {
    // A function without AWS SDK clients (GetOpenApi) has no SDK floor to be judged against: only the empty handler.
    const judged = bundles.bundles.filter((b) => b.floor && b.sdkClients.length > 0);
    const bySize = [...judged].sort((a, b) => b.floor!.sizeRatio - a.floor!.sizeRatio);
    const byStart = [...judged].sort((a, b) => b.floor!.coldStartRatio - a.floor!.coldStartRatio);
    const overSize = judged.filter((b) => b.floor!.sizeRatio > GOALS.floorRatio);
    const overStart = judged.filter((b) => b.floor!.coldStartRatio > GOALS.floorRatio);
    const worstSize = bySize[0];
    const worstStart = byStart[0];
    if (worstSize && worstStart) {
      goalRows.push([
        `Bundle size ÷ its floor (same SDK clients only), worst of ${judged.length}`,
        `${n(worstSize.floor!.sizeRatio, 2)} (${worstSize.id}: ${kb(worstSize.bytes)} vs ${kb(worstSize.floor!.bytes)}); median ${n(median(judged.map((b) => b.floor!.sizeRatio)), 2)}`,
        `≤ ${GOALS.floorRatio}`,
        met(overSize.length === 0) + (overSize.length ? ` ${overSize.length} over` : ''),
      ]);
      goalRows.push([
        `Cold start ÷ its floor, worst of ${judged.length}`,
        `${n(worstStart.floor!.coldStartRatio, 2)} (${worstStart.id}: ${ms(worstStart.init.totalMs)} ms vs ${ms(worstStart.floor!.totalMs)} ms); median ${n(median(judged.map((b) => b.floor!.coldStartRatio)), 2)}`,
        `≤ ${GOALS.floorRatio}`,
        met(overStart.length === 0) + (overStart.length ? ` ${overStart.length} over` : ''),
      ]);
    }
    if (overSize.length && worstSize) {
      const locales = median(bundles.bundles.map((b) => b.notable['zod locales'] ?? 0));
      const jsonSchema = median(bundles.bundles.map((b) => b.notable['zod JSON Schema'] ?? 0));
      whys.push(
        `**Bundle size against its floor**: ${overSize.length} of ${judged.length} bundles weigh more than ${GOALS.floorRatio}× a handler with the same SDK clients. ` +
          `What ${worstSize.id} adds to its floor's ${kb(worstSize.floor!.bytes)}: ${kb(worstSize.bytes - worstSize.floor!.bytes)}; its largest inputs are ${worstSize.topInputs.map((t) => `${t.name} ${kb(t.bytes)}`).join(', ')}. ` +
          `zod (its classic API: every schema type's methods hang on one prototype, so esbuild keeps most of it; in the median bundle its locale tables are ${kb(locales)} and its JSON Schema conversion ${kb(jsonSchema)}) is the largest part of the rest.`,
      );
    }
    if (overStart.length && worstStart) {
      whys.push(
        `**Cold start against its floor**: ${overStart.length} of ${judged.length} bundles start more than ${GOALS.floorRatio}× slower than their floor; in ${worstStart.id}, importing takes ${ms(worstStart.init.importMs)} ms (floor ${ms(worstStart.floor!.importMs)} ms) and the first invocation ${ms(worstStart.init.firstCallMs)} ms.`,
      );
    }
  }
  if (overhead) {
    const rated = overhead.rows.filter((r) => r.ratio !== null);
    const worst = [...rated].sort((a, b) => (b.ratio ?? 0) - (a.ratio ?? 0))[0];
    const over = rated.filter((r) => (r.ratio ?? 0) > GOALS.overheadRatio);
    if (worst) {
      goalRows.push([
        `API overhead, worst route (${rated.length} routes with DynamoDB calls)`,
        `${n(worst.ratio ?? NaN, 2)} (\`${worst.route}\`)`,
        `≤ ${GOALS.overheadRatio}`,
        met(over.length === 0) + ` ${rated.length - over.length} of ${rated.length} met`,
      ]);
    }
    const handlerOk = rated.filter((r) => (r.handlerRatio ?? Infinity) <= GOALS.overheadRatio);
    if (worst) {
      goalRows.push([
        '… counting the handler alone (without the local gateway)',
        `${handlerOk.length} of ${rated.length} routes ≤ ${GOALS.overheadRatio}`,
        `≤ ${GOALS.overheadRatio}`,
        met(handlerOk.length === rated.length),
      ]);
    }
    if (over.length) {
      const floorRatio = overhead.httpFloorP50 / overhead.rawGetItem.p50;
      whys.push(
        `**API overhead**: a DynamoDB Local GetItem takes ${n(overhead.rawGetItem.p50, 2)} ms here (median); a request the local server answers itself, with no JWT, handler or DynamoDB, takes ${n(overhead.httpFloorP50, 2)} ms, ` +
          `${n(floorRatio, 1)}× a GetItem. So a route with one DynamoDB call cannot reach ${GOALS.overheadRatio} end to end on this machine, whatever its code does; the handler-only ratio (section 2) shows what the Lambda code adds. ` +
          `Routes over the goal even there: ${rated.filter((r) => (r.handlerRatio ?? 0) > GOALS.overheadRatio).map((r) => `\`${r.route}\` ${n(r.handlerRatio ?? NaN, 1)}`).join(', ') || 'none'} ` +
          '(section 2 shows why per route: whole-year queries, serial round trips, Step Functions calls).',
      );
    }
  }
  const g = growth(years);
  if (g) {
    const judged = g.rows.filter((r) => r.judged);
    const bad = judged.filter((r) => r.factor > GOALS.growth || r.factor < 1 / GOALS.growth);
    goalRows.push([
      `Cost per board, ${n(g.base.boards)} → ${n(g.top.boards)} boards`,
      judged.map((r) => `${r.label} ×${n(r.factor, 2)}`).join(', '),
      `linear: each ×${1 / GOALS.growth}–${GOALS.growth}`,
      met(bad.length === 0),
    ]);
    if (bad.length) whys.push(`**Growth**: per board, ${bad.map((r) => `${r.label} ×${n(r.factor, 2)}`).join(', ')} between ${n(g.base.boards)} and ${n(g.top.boards)} boards (section 1).`);
  }
  for (const y of years.filter((year) => year.boards >= 1000)) {
    for (const row of readPathGoals(y)) {
      goalRows.push([row.figure, row.value, row.goal, met(row.met)]);
      if (!row.met && row.why) whys.push(row.why);
    }
  }
  for (const y of years) {
    goalRows.push([`E-mails (${n(y.boards)} boards)`, `${n(y.outbox.messages)} (${Object.entries(y.outbox.byKind).map(([k, v]) => `${k} ${v}`).join(', ')})`, 'exactly what the calendar implies', met(y.emailsAsExpected)]);
    if (y.unexpectedAnswers) whys.push(`**Correctness**: ${y.unexpectedAnswers} requests of the ${n(y.boards)}-board year answered with an unexpected status (samples in year-${y.boards}.json).`);
  }
  const levels = summary.levels;
  if (levels) {
    const bodies = `${n(levels.boards)} bodies`;
    for (const row of levelsReadPathGoals(levels)) {
      goalRows.push([row.figure, row.value, row.goal, met(row.met)]);
      if (!row.met && row.why) whys.push(row.why);
    }
    if (levels.cost) goalRows.push([`Levels: cost per body-year (${bodies})`, usd(levels.cost.perBoardYear), `≤ ${usd(GOALS.costPerBoardYear)}`, met(levels.cost.met)]);
    goalRows.push([`Levels: e-mails (${bodies})`, `${n(levels.outbox.messages)} (${Object.entries(levels.outbox.byKind).map(([k, v]) => `${k} ${v}`).join(', ')})`, 'exactly what the calendar implies', met(levels.emailsAsExpected)]);
    if (levels.unexpectedAnswers) whys.push(`**Levels, correctness**: ${levels.unexpectedAnswers} requests of the levels year answered with an unexpected status (samples in ${levelsFileName(levels)}).`);
    if (levels.degraded.length) whys.push(`**Levels, degraded** (this build of the API cannot do it yet, section 6): ${levels.degraded.join('; ')}.`);
  }
  out.push('## Goals', '', table(['figure', 'value', 'goal', 'met'], goalRows, ['---', '---', '---', '---']), '');
  if (whys.length) out.push('Where a goal is missed, and why:', '', ...whys.map((w) => `- ${w}`), '');

  // ── 1. Year at scale ───────────────────────────────────────────────────────
  if (years.length) {
    out.push('## 1. A year at scale', '');
    out.push(
      'Each run is a fresh stack process (local API Gateway, handlers, local Step Functions) with its own in-memory DynamoDB Local, driven over HTTP with keep-alive connections and at most ' +
        `${years[0]!.concurrency} requests in flight. The year: setup; plan, T1, T2 and annual report in three waves each (70 % of the boards file before the reminder, 15 % after it, 15 % ten days late); ` +
        '10 % of the plans and 5 % of the reports are returned, fixed and resubmitted; sign-off; every board exports its year. The clock moves with POST /api/dev/clock from 2025-12-01 to 2027-04-20 (505 days), so the daily reminder job runs on each day it can send something (the local scheduler skips the others, which in AWS are quiet runs, costed as measured) and the period workflows open and close.',
      '',
    );
    const col = (f: (y: YearResult) => string) => years.map(f);
    const rows: string[][] = [
      ['wall time', ...col((y) => seconds(y.wallMs))],
      ['… of which moving the clock (reminder jobs, workflows)', ...col((y) => seconds(y.clockMs))],
      ['requests (API + local dev routes)', ...col((y) => `${n(y.requests.api)} + ${n(y.requests.dev)}`)],
      ['requests per second, all', ...col((y) => n(y.rps.all, 1))],
      ['API requests per second outside clock moves', ...col((y) => n(y.rps.apiExcludingClock, 1))],
      ['Lambda invocations', ...col((y) => n(Object.values(y.server.functions).reduce((s, f) => s + f.invocations, 0)))],
      ['DynamoDB calls (application table)', ...col((y) => n(y.server.dynamo.filter((d) => d.category === 'app').reduce((s, d) => s + d.calls, 0)))],
      ['read / write request units', ...col((y) => `${n(y.perBoard.rru * y.boards)} / ${n(y.perBoard.wru * y.boards)}`)],
      ['Step Functions executions / state transitions', ...col((y) => `${n(y.sfn.executions)} / ${n(y.sfn.stateTransitions)}`)],
      ['e-mails (recipients)', ...col((y) => `${n(y.outbox.messages)} (${n(y.outbox.recipients)})`)],
      ['peak RSS: stack (Node) + DynamoDB Local (java)', ...col((y) => `${mb(y.memory.nodeBytes)} + ${mb(y.memory.javaBytes)}`)],
      ['CPU seconds: Node / java', ...col((y) => `${n(y.cpuSeconds.node)} / ${n(y.cpuSeconds.java)}`)],
      ['load average during the run (mean / max)', ...col((y) => `${n(y.load.mean, 1)} / ${n(y.load.max, 1)}`)],
    ];
    out.push(table(['', ...years.map((y) => `${n(y.boards)} boards`)], rows), '');

    if (g) {
      out.push(`### Per board: how the cost grows`, '');
      out.push(
        table(
          ['per board', ...years.map((y) => `${n(y.boards)}`), `×, ${n(g.base.boards)} → ${n(g.top.boards)}`],
          g.rows.map((r) => [
            r.label,
            ...years.map((y) => (r.key === 'wallMs' || r.key === 'requestMs' ? `${ms(y.perBoard[r.key])} ms` : n(y.perBoard[r.key], r.key === 'lambdaGbSeconds' ? 3 : 1))),
            `${n(r.factor, 2)}${r.judged ? '' : ' (time, load-dependent)'}`,
          ]),
        ),
        '',
      );
      const small = years[0]!;
      const judged = g.rows.filter((r) => r.judged);
      const flat = judged.every((r) => r.factor <= GOALS.growth && r.factor >= 1 / GOALS.growth);
      const time = g.rows.find((r) => r.key === 'requestMs')!;
      out.push(
        `Per-board figures at ${n(small.boards)} boards are higher where work does not depend on the number of boards: the daily reminder job runs on every day a step falls due whatever the count, ` +
          'there are four period workflows a year, and the office and the public read the status matrix and the meters a fixed number of times per wave (each such read is itself proportional to the boards). ' +
          (flat
            ? `Between ${n(g.base.boards)} and ${n(g.top.boards)} boards every count per board stays within ×${1 / GOALS.growth}–${GOALS.growth}: the work grows linearly. `
            : `Between ${n(g.base.boards)} and ${n(g.top.boards)} boards, ${judged.filter((r) => r.factor > GOALS.growth).map((r) => `${r.label} per board grow ×${n(r.factor, 2)}`).join(', ')}: not linear. `) +
          `Time per board outside the clock moves changes ×${n(time.factor, 2)}` +
          (time.factor > GOALS.growth ? ' — more time for the same work per board: DynamoDB Local slows down as its tables grow, and the machine was shared (load above).' : '.'),
        '',
      );
    }

    if (head) {
      out.push(`### Latency per route (${n(head.boards)} boards, ${head.concurrency} in flight)`, '');
      const server = head.server.routes;
      const rows2 = Object.entries(head.routes)
        .filter(([route]) => !route.includes('/api/dev/'))
        .map(([route, s]) => [
          `\`${route}\``,
          n(s.latency.n),
          ms(s.latency.p50),
          ms(s.latency.p95),
          ms(s.latency.p99),
          ms(server[route]?.handler.p50 ?? NaN),
          n(server[route]?.appCalls?.mean ?? server[route]?.ddbCalls.mean ?? NaN, 1),
          n(server[route] ? server[route].rru / server[route].handler.n : NaN, 1),
          n(server[route] ? server[route].wru / server[route].handler.n : NaN, 1),
        ]);
      out.push(table(['route', 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'handler p50 ms', 'DynamoDB calls / request', 'RRU / request', 'WRU / request'], rows2), '');
      const dev = Object.entries(head.routes).filter(([route]) => route.includes('/api/dev/'));
      out.push(`Local-only routes (not in AWS, not counted as API requests): ${dev.map(([route, s]) => `\`${route}\` ${n(s.latency.n)}× (p50 ${ms(s.latency.p50)} ms)`).join(', ')}.`, '');

      out.push(`### Where the work goes (${n(head.boards)} boards)`, '');
      const reminders = head.server.functions.SendReminders;
      if (reminders) {
        const totalRead = Object.values(head.server.functions).reduce((s2, f) => s2 + f.rru, 0) || 1;
        out.push(
          `The daily reminder job takes ${n((100 * reminders.rru) / totalRead)} % of the read units in ${n(reminders.invocations)} runs (${n(reminders.rru / Math.max(1, reminders.invocations), 1)} RRU a run on average, ` +
            `at most ${n(reminders.maxRru)} in one, ${ms(reminders.duration.p50)} ms median). What each run reads: the open cycles and its own marker; on a day a reminder step can fall due, the year's summary, ` +
            'the sent-markers of the steps due and the boards it writes to (README, Reminders). The year-wide routes read the board directory and the year summary (README, Data model).',
          '',
        );
      }
      const fns = Object.entries(head.server.functions).sort((a, b) => b[1].rru + b[1].wru - (a[1].rru + a[1].wru));
      const totalRru = fns.reduce((s, [, f]) => s + f.rru, 0) || 1;
      const totalWru = fns.reduce((s, [, f]) => s + f.wru, 0) || 1;
      out.push(
        table(
          ['Lambda function', 'kind', 'invocations', 'p50 ms', 'DynamoDB calls / invocation', 'RRU (share)', 'WRU (share)', 'most RRU in one invocation'],
          fns.map(([id, f]) => [
            id,
            f.kind,
            n(f.invocations),
            ms(f.duration.p50),
            n((f.appCalls ?? f.ddbCalls) / f.invocations, 1),
            `${n(f.rru)} (${n((100 * f.rru) / totalRru)} %)`,
            `${n(f.wru)} (${n((100 * f.wru) / totalWru)} %)`,
            n(f.maxRru, 1),
          ]),
        ),
        '',
      );
    }
  }

  // ── 2. API overhead ────────────────────────────────────────────────────────
  if (overhead) {
    out.push('## 2. API overhead per route', '');
    out.push(
      `Measured after the ${n(overhead.boards)}-board year, one request at a time (${overhead.samples} per route, workflows settled between writes). ` +
        `Raw DynamoDB Local GetItem from the handlers' own client: median ${n(overhead.rawGetItem.p50, 2)} ms (probes: ${overhead.rawGetItem.probes.map((p) => n(p.p50, 2)).join(', ')} ms). ` +
        `A local-only route that runs no handler, JWT or DynamoDB answers in ${n(overhead.httpFloorP50, 2)} ms (the HTTP floor). ` +
        `Ratio = median latency ÷ (DynamoDB calls × raw GetItem median), the goal's definition; "serial" counts DynamoDB calls made in parallel once and adds each Step Functions call as one round trip (stricter); ` +
          `"handler ratio" puts the handler's own median (inside the Lambda, without the local gateway) over the same denominator. ` +
          '"DynamoDB busy" is the time at least one DynamoDB call of the request was in flight, the SDK\'s marshalling included; "outside DynamoDB" is the median latency less that: gateway, JWT, middy, zod and the use case. ' +
          '"DynamoDB calls" counts every round trip on the DynamoDB client, the local stand-ins for EventBridge Scheduler (create cycle, calendar) and SES included. ' +
          `Routes that read a whole year (status matrix, late list, meters) miss the ratio because one of their calls is a Query of every document, not a GetItem: their time is DynamoDB time. Load average meanwhile: ${n(overhead.load.mean, 1)}.`,
      '',
    );
    out.push(
      table(
        ['route', 'n', 'p50 ms', 'p95 ms', 'handler p50 ms', 'DynamoDB busy p50 ms', 'outside DynamoDB ms', 'DynamoDB calls', 'serial waves', 'SFN calls', 'ratio', `≤ ${GOALS.overheadRatio}`, 'ratio (serial)', 'handler ratio'],
        overhead.rows.map((r) => [
          `\`${r.route}\``,
          n(r.n),
          ms(r.latency.p50),
          ms(r.latency.p95),
          ms(r.handlerP50),
          ms(r.ddbBusyP50),
          ms(Math.max(0, r.latency.p50 - r.ddbBusyP50)),
          n(r.ddbCalls),
          n(r.ddbWaves),
          n(r.sfnCalls),
          r.ratio === null ? 'n/a' : n(r.ratio, 2),
          r.ratio === null ? 'no DynamoDB call' : met(r.ratio <= GOALS.overheadRatio),
          r.ratioSerial === null ? 'n/a' : n(r.ratioSerial, 2),
          r.handlerRatio === null ? 'n/a' : `${n(r.handlerRatio, 2)} ${met(r.handlerRatio <= GOALS.overheadRatio)}`,
        ]),
      ),
      '',
    );
    for (const missing of overhead.notMeasured) out.push(`Not measured here: \`${missing.route}\`: ${missing.why}.`, '');
  }

  // ── 3. Bundles ─────────────────────────────────────────────────────────────
  if (bundles) {
    out.push('## 3. Cold-start weight per Lambda bundle, against its floor', '');
    out.push(
      `Every manifest entry bundled with esbuild as \`infra/functions.ts\` configures NodejsFunction (ESM, ${bundles.esbuild.target}, minified with names kept, banner, main fields module/main, nothing external), with a metafile. ` +
        "Its floor: a handler that imports and constructs only the AWS SDK clients found in the function's bundle, bundled the same way, in the same run. " +
        `Cold start: a fresh Node process imports the bundle and invokes the handler once with a minimal event (API handlers: an admin's request with plausible path parameters; tasks: a plausible input), DynamoDB pointed at a running DynamoDB Local through a proxy that counts the requests; median of ${bundles.runs} processes per bundle, round robin. ` +
        "A function whose first invocation reached DynamoDB is compared with its floor sending one GetItem (`call`), one refused before any request with its floor constructing the clients only (`construct`). " +
        'A function without SDK clients (GetOpenApi) has no such floor and is not judged by it. ' +
        `For scale, the empty handler: ${kb(bundles.baseline.bytes)}, ${ms(bundles.baseline.init.totalMs)} ms from process start to its answer (Node's own boot).`,
      '',
    );
    if (bundles.floors?.length) {
      out.push(
        table(
          ['floor', 'size', 'cold start, construct (min)', 'cold start, one GetItem (min)', 'functions'],
          bundles.floors.map((f) => [
            `\`${f.id}\``,
            kb(f.bytes),
            `${ms(f.construct.totalMs)} (${ms(f.construct.minTotalMs)})`,
            `${ms(f.call.totalMs)} (${ms(f.call.minTotalMs)})`,
            String(f.usedBy.length),
          ]),
          ['---', '---:', '---:', '---:', '---:'],
        ),
        '',
      );
    }
    out.push(
      table(
        ['function', 'kind', 'size', 'floor', 'size ÷ floor', 'largest inputs', 'import ms', 'first call ms', 'DynamoDB calls', 'cold start ms (min)', 'floor ms', 'cold start ÷ floor', '÷ empty'],
        bundles.bundles.map((b) => {
          // Without SDK clients the floor is the empty handler: shown, not judged.
          const judge = (ratio: number) => (b.sdkClients.length ? ` ${met(ratio <= GOALS.floorRatio)}` : ' (not judged)');
          return [
            b.id,
            b.kind,
            kb(b.bytes),
            b.floor ? `\`${b.floor.id}\`` : '–',
            b.floor ? `${n(b.floor.sizeRatio, 2)}${judge(b.floor.sizeRatio)}` : '–',
            b.topInputs.map((t) => `${t.name.replace(/^(shared|functions)\//, '$1/')} ${n(t.bytes / 1024)} K`).join(', '),
            ms(b.init.importMs),
            ms(b.init.firstCallMs),
            String(b.init.dynamoCalls ?? '–'),
            `${ms(b.init.totalMs)} (${ms(b.init.minTotalMs)})`,
            b.floor ? `${ms(b.floor.totalMs)} (${b.floor.variant})` : '–',
            b.floor ? `${n(b.floor.coldStartRatio, 2)}${judge(b.floor.coldStartRatio)}` : '–',
            n(b.init.ratio, 2),
          ];
        }),
        ['---', '---', '---:', '---', '---:', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---:'],
      ),
      '',
    );
    out.push(`First-call outcomes (expected: the minimal events reach DynamoDB, then may fail): ${[...new Set(bundles.bundles.map((b) => `${b.id} ${b.init.outcome}`))].join('; ')}.`, '');
  }

  // ── 4. Cost ────────────────────────────────────────────────────────────────
  if (head?.cost) {
    out.push('## 4. Cost per board-year in AWS', '');
    out.push(
      `Operations counted in the year runs × list prices from \`bench/prices.json\` (${prices.region}, read ${prices.read}). ${prices.howRead}`,
      '',
    );
    out.push(
      table(
        ['boards', 'total for the year', 'per board-year', `≤ ${usd(GOALS.costPerBoardYear)}`, 'with a cold start on every invocation'],
        years.filter((y) => y.cost).map((y) => [n(y.boards), usd(y.cost!.totalUsd), usd(y.cost!.perBoardYear), met(y.cost!.met), usd(y.cost!.worstCaseColdPerBoardYear)]),
      ),
      '',
    );
    out.push(`At ${n(head.boards)} boards:`, '');
    out.push(
      table(
        ['item', 'quantity', 'unit price', 'for the year', 'per board-year'],
        [...head.cost.lines, head.cost.coldStartLine].map((l) => [l.item, `${n(l.quantity, l.quantity < 10 ? 4 : 0)} ${l.unit}`, l.unitPrice, usd(l.usd), usd(l.perBoardYear)]),
        ['---', '---:', '---:', '---:', '---:'],
      ),
      '',
    );
    out.push(
      'Lambda duration is what the handlers took in the stack process under the run\'s concurrency (an upper bound for Lambda, where each invocation has its environment to itself). ' +
        'Not per board-year and so not included: the customer-managed KMS key, alarms, CloudFront and WAF, data transfer, free tiers.',
      '',
    );
  }

  // ── 5. Step Functions history ──────────────────────────────────────────────
  if (years.length) {
    out.push('## 5. Step Functions history', '');
    out.push(
      table(
        ['boards', 'executions', 'history events p50 / max', 'largest execution', `≤ ${n(GOALS.historyEvents)}`],
        years.map((y) => [
          n(y.boards),
          Object.entries(y.sfn.byMachine).map(([machineName, st]) => `${machineName}: ${Object.entries(st).map(([s, c]) => `${c} ${s.toLowerCase()}`).join(', ')}`).join('; '),
          `${n(y.sfn.historyPerExecution.p50)} / ${n(y.sfn.maxHistory?.events ?? 0)}`,
          y.sfn.maxHistory ? `\`${y.sfn.maxHistory.executionArn.split(':').slice(-2).join(':')}\`` : '–',
          met((y.sfn.maxHistory?.events ?? 0) <= GOALS.historyEvents),
        ]),
      ),
      '',
    );
    const y0 = head ?? years[0]!;
    out.push(
      `One execution per document and one per reporting period, so a history does not grow with the number of boards, only with the rounds of return and resubmission of one document: ` +
        `${n(y0.sfn.historyPerExecution.p50)} events for a document approved at once, ${n(y0.sfn.maxHistory?.events ?? 0)} for one returned once. ` +
        `The 25,000-event limit would take about ${n(GOALS.historyEvents / Math.max(1, (y0.sfn.maxHistory?.events ?? 0) - y0.sfn.historyPerExecution.p50))} returns of one document.`,
      '',
    );
  }
  if (levels) out.push(...levelsSection(levels));
  return `${out.join('\n')}\n`;
}

const levelsFileName = (levels: LevelsResult) => `year-levels-${levels.shape.boards}x${levels.shape.unitsPerBoard}.json`;

/** Section 6: the organisation-levels year, per reporting body, its phases and its read paths. */
function levelsSection(levels: LevelsResult): string[] {
  const out: string[] = [];
  const { boards, unitsPerBoard } = levels.shape;
  out.push(`## 6. Organisation levels: ${n(boards)} boards with ${n(unitsPerBoard)} units each (${n(levels.boards)} reporting bodies)`, '');
  out.push(
    'A fresh stack process, driven as the flat years are. The boards plan first and the city\'s reviewer approves; the units plan against their parents\' approved plans (a target for each of the parent\'s indicators); ' +
      "each parent's editors, with a token scoped to the parent board, read their queue and decide their units' documents (10 % of the plans and 5 % of the reports returned, fixed and resubmitted); " +
      "every body files T1, T2 and the annual report, the units first (due 14 days before their parents'), and each board reads its report with its units' roll-up before filing it. " +
      'Every wave the office reads the status matrix at the top and drilled down to three boards (`?parent=`), the late list and the meters. Everyone files before the reminder, so no reminder is due. ' +
      `Figures per body are over all ${n(levels.boards)} bodies. Raw figures: \`${levelsFileName(levels)}\`.`,
    '',
  );
  if (levels.degraded.length) {
    out.push('**Degraded in this build** (what the API cannot do yet, and how the year went instead):', '', ...levels.degraded.map((line) => `- ${line}`), '');
  } else {
    out.push('Every level feature answered as the contract says: unit plans against the parent\'s indicators, the parents\' decisions and queues, the drill-down, the unit counts and the roll-up.', '');
  }
  const p = levels.perBoard;
  out.push(
    table(
      ['per reporting body', 'value'],
      [
        ['requests (API + local dev routes)', `${n(p.requests, 1)} (API ${n(p.apiRequests, 1)})`],
        ['DynamoDB calls (application table)', n(p.dynamoCalls, 1)],
        ['read / write request units', `${n(p.rru, 1)} / ${n(p.wru, 1)}`],
        ['Lambda invocations', n(p.lambdaInvocations, 1)],
        ['Step Functions state transitions', n(p.stateTransitions, 1)],
        ['e-mails', n(p.emails, 2)],
        ['wall time (outside clock moves)', `${ms(p.wallMs)} ms (${ms(p.requestMs)} ms)`],
        ...(levels.cost ? [['cost per body-year', usd(levels.cost.perBoardYear)]] : []),
      ],
      ['---', '---:'],
    ),
    '',
  );
  out.push(
    `Whole year: ${seconds(levels.wallMs)} (moving the clock ${seconds(levels.clockMs)}), ${n(levels.requests.api)} API requests, ${n(levels.sfn.executions)} executions, ` +
      `peak RSS ${mb(levels.memory.nodeBytes)} + ${mb(levels.memory.javaBytes)} (java), load ${n(levels.load.mean, 1)} on average.`,
    '',
  );
  out.push(
    table(
      ['phase', 'date', 'bodies', 'requests', 'wall s', 'of which clock s'],
      levels.phases.map((phase) => [phase.name, phase.date, n(phase.boards), n(phase.requests), n(phase.ms / 1000, 1), n(phase.clockMs / 1000, 1)]),
      ['---', '---', '---:', '---:', '---:', '---:'],
    ),
    '',
  );
  const [document] = levels.probes;
  out.push('### Read paths, one request at a time after the year', '');
  out.push(
    table(
      ['read', 'route', 'n', 'p50 ms', 'p95 ms', '÷ one document', 'RRU / request', 'RRU / request / body', 'DynamoDB calls / request', 'rows or units in the answer'],
      levels.probes.map((probe) => [
        probe.name,
        `\`${probe.route}\``,
        n(probe.latency.n),
        ms(probe.latency.p50),
        ms(probe.latency.p95),
        document ? n(probe.latency.p50 / document.latency.p50, 2) : '–',
        n(probe.rruPerRequest, 1),
        n(probe.rruPerRequest / levels.boards, 4),
        n(probe.dynamoCallsPerRequest, 1),
        n(probe.size),
      ]),
      ['---', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:'],
    ),
    '',
  );
  if (levels.sample?.statusRow || levels.sample?.rollup) {
    out.push(`What the first board looked like at the end: its status row \`${JSON.stringify(levels.sample.statusRow ?? null).slice(0, 400)}\`; the first indicator of its annual roll-up \`${JSON.stringify(levels.sample.rollup ?? null).slice(0, 400)}\`.`, '');
  }
  return out;
}
