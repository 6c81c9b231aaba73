/** What one board-year would cost in AWS: the operations counted in a year run × the list prices in bench/prices.json. */
import { readFileSync } from 'node:fs';
import type { Snapshot } from './instrument/instrument';
import type { ExecutionStats } from './year/stackProcess';

export interface Prices {
  region: string;
  read: string;
  howRead: string;
  lambda: { memoryGb: number; perGbSecond: number; perMillionRequests: number; note: string };
  stepFunctions: { standardPerThousandTransitions: number };
  dynamodb: {
    onDemandPerMillionWriteRequestUnits: number;
    onDemandPerMillionReadRequestUnits: number;
    storagePerGbMonth: number;
    pitrPerGbMonth: number;
    note: string;
  };
  httpApi: { perMillionRequests: number };
  ses: { perThousandEmails: number };
  eventBridgeScheduler: { perMillionInvocations: number };
  cloudWatchLogs: { ingestPerGb: number; lambdaPlatformBytesPerInvocation: number; apiAccessLogBytesPerRequest: number };
}

export function loadPrices(): Prices {
  return JSON.parse(readFileSync(new URL('./prices.json', import.meta.url), 'utf8')) as Prices;
}

export interface CostLine {
  item: string;
  quantity: number;
  unit: string;
  unitPrice: string;
  usd: number;
  perBoardYear: number;
}

export interface CostReport {
  boards: number;
  lines: CostLine[];
  totalUsd: number;
  perBoardYear: number;
  /** The same with every Lambda invocation paying a cold INIT (the bundles' measured cold start): a worst case. */
  worstCaseColdPerBoardYear: number;
  coldStartLine: CostLine;
  goal: number;
  met: boolean;
}

export interface CostInputs {
  boards: number;
  snapshot: Snapshot;
  sfn: ExecutionStats;
  apiRequests: number;
  emailRecipients: number;
  tableBytes: number;
  handlerLogBytes: number;
  /** Median cold start of the API bundles (ms), from the bundle measurements; 0 when not measured. */
  coldStartMs: number;
  /**
   * The reminder job's runs that the local clock skipped (days on which it finds nothing to do), each at the cost of
   * the run measured on such a day: in AWS the schedule fires every day.
   */
  quietReminderRuns?: { count: number; rru: number; ms: number };
}

export function costOf(inputs: CostInputs, prices: Prices, goal = 0.01): CostReport {
  const { boards, snapshot } = inputs;
  const fns = Object.values(snapshot.functions);
  const quiet = inputs.quietReminderRuns ?? { count: 0, rru: 0, ms: 0 };
  const invocations = fns.reduce((sum, fn) => sum + fn.invocations, 0) + quiet.count;
  const gbSeconds = ((fns.reduce((sum, fn) => sum + fn.billedMs, 0) + quiet.count * Math.ceil(quiet.ms)) / 1000) * prices.lambda.memoryGb;
  const app = snapshot.dynamo.filter((row) => row.category === 'app');
  const rru = app.reduce((sum, row) => sum + row.rru, 0) + quiet.count * quiet.rru;
  const wru = app.reduce((sum, row) => sum + row.wru, 0);
  const schedulerInvocations = (snapshot.functions.SendReminders?.invocations ?? 0) + quiet.count + (inputs.sfn.byMachine.Period ? Object.values(inputs.sfn.byMachine.Period).reduce((a, b) => a + b, 0) : 0);
  const logBytes =
    inputs.handlerLogBytes + invocations * prices.cloudWatchLogs.lambdaPlatformBytesPerInvocation + inputs.apiRequests * prices.cloudWatchLogs.apiAccessLogBytesPerRequest;
  // Items are kept at least for the year; the GSIs (projection ALL) hold documents and boards a second and third time.
  const storedGb = (inputs.tableBytes * 3) / 1024 ** 3;

  const line = (item: string, quantity: number, unit: string, unitPrice: string, usd: number): CostLine => ({
    item,
    quantity,
    unit,
    unitPrice,
    usd,
    perBoardYear: usd / boards,
  });
  const lines: CostLine[] = [
    line('Lambda requests', invocations, 'invocations', `$${prices.lambda.perMillionRequests}/M`, (invocations / 1e6) * prices.lambda.perMillionRequests),
    line('Lambda duration (512 MB, arm64)', gbSeconds, 'GB-s', `$${prices.lambda.perGbSecond}/GB-s`, gbSeconds * prices.lambda.perGbSecond),
    line(
      'Step Functions Standard',
      inputs.sfn.stateTransitions,
      'state transitions',
      `$${prices.stepFunctions.standardPerThousandTransitions}/1000`,
      (inputs.sfn.stateTransitions / 1000) * prices.stepFunctions.standardPerThousandTransitions,
    ),
    line('DynamoDB writes (on demand)', wru, 'WRU', `$${prices.dynamodb.onDemandPerMillionWriteRequestUnits}/M`, (wru / 1e6) * prices.dynamodb.onDemandPerMillionWriteRequestUnits),
    line('DynamoDB reads (on demand)', rru, 'RRU', `$${prices.dynamodb.onDemandPerMillionReadRequestUnits}/M`, (rru / 1e6) * prices.dynamodb.onDemandPerMillionReadRequestUnits),
    line(
      'DynamoDB storage + PITR, 12 months',
      storedGb * 12,
      'GB-months',
      `$${prices.dynamodb.storagePerGbMonth + prices.dynamodb.pitrPerGbMonth}/GB-month`,
      storedGb * 12 * (prices.dynamodb.storagePerGbMonth + prices.dynamodb.pitrPerGbMonth),
    ),
    line('HTTP API requests', inputs.apiRequests, 'requests', `$${prices.httpApi.perMillionRequests}/M`, (inputs.apiRequests / 1e6) * prices.httpApi.perMillionRequests),
    line('SES e-mails', inputs.emailRecipients, 'recipients', `$${prices.ses.perThousandEmails}/1000`, (inputs.emailRecipients / 1000) * prices.ses.perThousandEmails),
    line(
      'EventBridge Scheduler',
      schedulerInvocations,
      'invocations',
      `$${prices.eventBridgeScheduler.perMillionInvocations}/M`,
      (schedulerInvocations / 1e6) * prices.eventBridgeScheduler.perMillionInvocations,
    ),
    line('CloudWatch Logs ingestion (estimate)', logBytes / 1024 ** 3, 'GB', `$${prices.cloudWatchLogs.ingestPerGb}/GB`, (logBytes / 1024 ** 3) * prices.cloudWatchLogs.ingestPerGb),
  ];
  const totalUsd = lines.reduce((sum, l) => sum + l.usd, 0);
  const coldGbSeconds = (invocations * inputs.coldStartMs) / 1000 * prices.lambda.memoryGb;
  const coldStartLine = line('Worst case: INIT billed on every invocation', coldGbSeconds, 'GB-s', `$${prices.lambda.perGbSecond}/GB-s`, coldGbSeconds * prices.lambda.perGbSecond);
  return {
    boards,
    lines,
    totalUsd,
    perBoardYear: totalUsd / boards,
    worstCaseColdPerBoardYear: (totalUsd + coldStartLine.usd) / boards,
    coldStartLine,
    goal,
    met: totalUsd / boards <= goal,
  };
}
