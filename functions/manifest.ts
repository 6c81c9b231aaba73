/**
 * Every Lambda function of Årshjul. An API function is derived from its route (shared/api/routes.ts): one
 * function per route, its id the route's operationId in PascalCase, its entry `functions/api/<operationId>.ts`,
 * its route key and auth the route's own. This file adds only what a route does not say: table access,
 * workflows started or completed, schedules, e-mail. The CDK app creates one NodejsFunction per entry (and its
 * HTTP API route); the local HTTP server dispatches the same routes to the same handler factories.
 */
import { apiRoutes } from '../shared/api/routes';
import { routeKey, type RouteSpec } from '../shared/http/route';

export type TableAccess = 'none' | 'read' | 'write';

/** What a function needs beyond its code: the grants and triggers the CDK app derives permissions from. */
export interface FunctionNeeds {
  /** What the function may do with the table (least privilege). */
  table: TableAccess;
  /** Workflows (by id, e.g. `Review`) whose executions the function starts. */
  startsWorkflows?: string[];
  /** Workflows whose waiting tasks the function completes (SendTaskSuccess). */
  completesCallbacks?: string[];
  /** Whether the function creates, updates and deletes EventBridge Scheduler one-time schedules. */
  managesSchedules?: boolean;
  /** Whether the function sends e-mail. */
  sendsEmail?: boolean;
  /** Whether the function manages the people of the Cognito user pool (its id in USER_POOL_ID; IAM on that pool only). */
  managesUsers?: boolean;
  /** A recurring EventBridge Scheduler schedule that invokes the function (cron in the given zone). */
  schedule?: { cron: string; timeZone: string };
}

interface FunctionIdentity {
  /** Construct id in CDK, PascalCase; stable, because the local stack maps synthesized ARNs by it. */
  id: string;
  /** Handler module, relative to the repository root; it exports `handler` and `makeHandler(deps)`. */
  entry: string;
}

/** A function behind an HTTP route: its route key (`METHOD /path/{param}`) and auth come from the route. */
export interface ApiFunctionSpec extends FunctionIdentity, FunctionNeeds {
  routes: string[];
  auth: RouteSpec['auth'];
}

/** A workflow task or scheduled job: no route. */
export interface WorkerFunctionSpec extends FunctionIdentity, FunctionNeeds {
  routes?: undefined;
  auth?: undefined;
}

export type FunctionSpec = ApiFunctionSpec | WorkerFunctionSpec;

/** What each route's function needs, by operationId. */
const apiNeeds: Record<string, FunctionNeeds> = {
  getHealth: { table: 'read' },
  getOpenApi: { table: 'none' },
  putBoard: { table: 'write' },
  listBoards: { table: 'read' },
  listUsers: { table: 'none', managesUsers: true },
  putUser: { table: 'write', managesUsers: true },
  deactivateUser: { table: 'write', managesUsers: true },
  getUserHistory: { table: 'read', managesUsers: true },
  deleteBoard: { table: 'write' },
  getBoardDeletion: { table: 'read' },
  createCycle: { table: 'write', startsWorkflows: ['Period'], managesSchedules: true },
  getCopyPreview: { table: 'read' },
  listCycles: { table: 'read' },
  getCycle: { table: 'read' },
  getCycleHistory: { table: 'read' },
  changeCalendar: { table: 'write', startsWorkflows: ['Period'], managesSchedules: true },
  getLate: { table: 'read' },
  putCouncilGoals: { table: 'write' },
  getCouncilGoals: { table: 'read' },
  putBudget: { table: 'write' },
  getBudget: { table: 'read' },
  putReportSections: { table: 'write' },
  getReportSections: { table: 'read' },
  getEconomyOverview: { table: 'read' },
  getStatusMatrix: { table: 'read' },
  getDocument: { table: 'read' },
  saveDocument: { table: 'write' },
  submitDocument: { table: 'write', startsWorkflows: ['Review'], completesCallbacks: ['Review'] },
  decideDocument: { table: 'write', completesCallbacks: ['Review'] },
  getDocumentHistory: { table: 'read' },
  signOff: { table: 'write' },
  listPublicCycles: { table: 'read' },
  getPublicMeters: { table: 'read' },
  getPublicMetersCsv: { table: 'read' },
  getPublicIndicator: { table: 'read' },
  getPublicIndicatorCsv: { table: 'read' },
  exportBoardYear: { table: 'read' },
  exportBoardYearCsv: { table: 'read' },
  importKoladaOutcomes: { table: 'write' },
  previewOutcomeImport: { table: 'read' },
  applyOutcomeImport: { table: 'write' },
  fetchKoladaPages: { table: 'read' },
  previewBudget: { table: 'read' },
  getReviewQueue: { table: 'read' },
  getCompiledReportDocx: { table: 'read' },
  getCompiledReport: { table: 'read' },
  getDocumentDocx: { table: 'read' },
};

/** The function id of a route: its operationId in PascalCase (`getHealth` → `GetHealth`). */
export const functionIdOf = (route: Pick<RouteSpec, 'operationId'>) => route.operationId[0]!.toUpperCase() + route.operationId.slice(1);

export const apiFunctions: ApiFunctionSpec[] = apiRoutes.map((route) => {
  const needs = apiNeeds[route.operationId];
  if (!needs) throw new Error(`Route ${route.operationId} has no entry in the manifest's apiNeeds`);
  return {
    id: functionIdOf(route),
    entry: `functions/api/${route.operationId}.ts`,
    routes: [routeKey(route)],
    auth: route.auth,
    ...needs,
  };
});
for (const operationId of Object.keys(apiNeeds)) {
  if (!apiRoutes.some((route) => route.operationId === operationId)) throw new Error(`The manifest's apiNeeds names ${operationId}, which no route declares`);
}

/** Functions that state machines invoke. */
export const taskFunctions: WorkerFunctionSpec[] = [
  { id: 'RunChecks', entry: 'functions/tasks/runChecks.ts', table: 'write' },
  { id: 'RegisterCallback', entry: 'functions/tasks/registerCallback.ts', table: 'write', completesCallbacks: ['Review'] },
  { id: 'NotifyBoard', entry: 'functions/tasks/notifyBoard.ts', table: 'write', sendsEmail: true },
  { id: 'RecordWorkflowFailure', entry: 'functions/tasks/recordWorkflowFailure.ts', table: 'write' },
  { id: 'ContinueReview', entry: 'functions/tasks/continueReview.ts', table: 'write', startsWorkflows: ['Review'] },
  // Invoked by EventBridge (infra/stoppedExecutions.ts) when a review execution stops where no Catch runs.
  { id: 'RecordStoppedExecution', entry: 'functions/tasks/recordStoppedExecution.ts', table: 'write' },
  { id: 'OpenPeriod', entry: 'functions/tasks/openPeriod.ts', table: 'write' },
  { id: 'ClosePeriod', entry: 'functions/tasks/closePeriod.ts', table: 'write' },
];

/** Functions run by a recurring EventBridge Scheduler schedule (locally: by the local scheduler, on the local clock). */
export const scheduledFunctions: WorkerFunctionSpec[] = [
  {
    id: 'SendReminders',
    entry: 'functions/schedule/sendReminders.ts',
    table: 'write',
    sendsEmail: true,
    completesCallbacks: ['Review'],
    startsWorkflows: ['Review'],
    // One daily run rather than one-time schedules per deadline: the reminder rules (who owes what, which
    // step is due) live in one pure function, calendar changes need no schedule bookkeeping, and a missed
    // day is caught up by the next run.
    schedule: { cron: '0 7 * * ? *', timeZone: 'Europe/Stockholm' },
  },
];

export const allFunctions: FunctionSpec[] = [...apiFunctions, ...taskFunctions, ...scheduledFunctions];

/**
 * How long a function may run, in seconds: CDK sets it, and the local stack gives its handlers the same deadline.
 * API Gateway gives up after 30 s, so API handlers must answer far sooner; workflow tasks do one board's work; a
 * scheduled job works through every board that owes something on its day (thousands in a large city), and a run cut
 * short is retried by the scheduler and resumes, its sent-markers keeping each e-mail to once.
 */
export function timeoutSecondsOf(spec: FunctionSpec): number {
  if (spec.routes?.length) return 10;
  if (spec.schedule) return 300;
  return 30;
}
