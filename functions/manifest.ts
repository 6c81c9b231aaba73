/**
 * Every Lambda function of Årshjul, listed once. The CDK app creates one NodejsFunction per entry
 * (and its HTTP API routes); the local HTTP server dispatches the same routes to the same handlers.
 */
import {
  changeCalendarRoute,
  createCycleRoute,
  lateRoute,
  listCyclesRoute,
  decideDocumentRoute,
  documentHistoryRoute,
  getCouncilGoalsRoute,
  getCycleRoute,
  getDocumentRoute,
  healthRoute,
  listBoardsRoute,
  openApiRoute,
  putBoardRoute,
  putCouncilGoalsRoute,
  saveDocumentRoute,
  statusMatrixRoute,
  exportBoardYearCsvRoute,
  exportBoardYearRoute,
  importKoladaRoute,
  publicIndicatorRoute,
  publicMetersCsvRoute,
  publicMetersRoute,
  reviewQueueRoute,
  signoffRoute,
  submitDocumentRoute,
} from '../shared/api/routes';
import { routeKey } from '../shared/http/route';

export type TableAccess = 'none' | 'read' | 'write';

export interface FunctionSpec {
  /** Construct id in CDK, PascalCase; stable, because the local stack maps synthesized ARNs by it. */
  id: string;
  /** Handler module, relative to the repository root; it exports `handler`. */
  entry: string;
  /** HTTP routes served, as `METHOD /path/{param}`; none for workflow tasks. */
  routes?: string[];
  /** `public` routes have no authorizer; `jwt` routes need a valid token. */
  auth?: 'public' | 'jwt';
  /** What the function may do with the table (least privilege). */
  table: TableAccess;
  /** Workflows (by id, e.g. `Review`) whose executions the function starts. */
  startsWorkflows?: string[];
  /** Workflows whose waiting tasks the function completes (SendTaskSuccess/Failure). */
  completesCallbacks?: string[];
  /** Whether the function creates, updates and deletes EventBridge Scheduler one-time schedules. */
  managesSchedules?: boolean;
  /** Whether the function sends e-mail. */
  sendsEmail?: boolean;
  /** A recurring EventBridge Scheduler schedule that invokes the function (cron in the given zone). */
  schedule?: { cron: string; timeZone: string };
}

export const apiFunctions: FunctionSpec[] = [
  { id: 'GetHealth', entry: 'functions/api/getHealth.ts', routes: [routeKey(healthRoute)], auth: 'public', table: 'read' },
  { id: 'GetOpenApi', entry: 'functions/api/getOpenApi.ts', routes: [routeKey(openApiRoute)], auth: 'public', table: 'none' },
  { id: 'PutBoard', entry: 'functions/api/putBoard.ts', routes: [routeKey(putBoardRoute)], auth: 'jwt', table: 'write' },
  { id: 'ListBoards', entry: 'functions/api/listBoards.ts', routes: [routeKey(listBoardsRoute)], auth: 'jwt', table: 'read' },
  {
    id: 'CreateCycle',
    entry: 'functions/api/createCycle.ts',
    routes: [routeKey(createCycleRoute)],
    auth: 'jwt',
    table: 'write',
    startsWorkflows: ['Period'],
    managesSchedules: true,
  },
  {
    id: 'ChangeCalendar',
    entry: 'functions/api/changeCalendar.ts',
    routes: [routeKey(changeCalendarRoute)],
    auth: 'jwt',
    table: 'write',
    startsWorkflows: ['Period'],
    managesSchedules: true,
  },
  { id: 'GetLate', entry: 'functions/api/getLate.ts', routes: [routeKey(lateRoute)], auth: 'jwt', table: 'read' },
  { id: 'ListCycles', entry: 'functions/api/listCycles.ts', routes: [routeKey(listCyclesRoute)], auth: 'jwt', table: 'read' },
  { id: 'GetCycle', entry: 'functions/api/getCycle.ts', routes: [routeKey(getCycleRoute)], auth: 'jwt', table: 'read' },
  { id: 'PutCouncilGoals', entry: 'functions/api/putCouncilGoals.ts', routes: [routeKey(putCouncilGoalsRoute)], auth: 'jwt', table: 'write' },
  { id: 'GetCouncilGoals', entry: 'functions/api/getCouncilGoals.ts', routes: [routeKey(getCouncilGoalsRoute)], auth: 'jwt', table: 'read' },
  { id: 'GetStatusMatrix', entry: 'functions/api/getStatusMatrix.ts', routes: [routeKey(statusMatrixRoute)], auth: 'jwt', table: 'read' },
  { id: 'GetDocument', entry: 'functions/api/getDocument.ts', routes: [routeKey(getDocumentRoute)], auth: 'jwt', table: 'read' },
  { id: 'SaveDocument', entry: 'functions/api/saveDocument.ts', routes: [routeKey(saveDocumentRoute)], auth: 'jwt', table: 'write' },
  {
    id: 'SubmitDocument',
    entry: 'functions/api/submitDocument.ts',
    routes: [routeKey(submitDocumentRoute)],
    auth: 'jwt',
    table: 'write',
    startsWorkflows: ['Review'],
    completesCallbacks: ['Review'],
  },
  {
    id: 'DecideDocument',
    entry: 'functions/api/decideDocument.ts',
    routes: [routeKey(decideDocumentRoute)],
    auth: 'jwt',
    table: 'write',
    completesCallbacks: ['Review'],
  },
  { id: 'SignOff', entry: 'functions/api/signOff.ts', routes: [routeKey(signoffRoute)], auth: 'jwt', table: 'write' },
  { id: 'GetPublicMeters', entry: 'functions/api/getPublicMeters.ts', routes: [routeKey(publicMetersRoute)], auth: 'public', table: 'read' },
  { id: 'GetPublicMetersCsv', entry: 'functions/api/getPublicMetersCsv.ts', routes: [routeKey(publicMetersCsvRoute)], auth: 'public', table: 'read' },
  { id: 'GetPublicIndicator', entry: 'functions/api/getPublicIndicator.ts', routes: [routeKey(publicIndicatorRoute)], auth: 'public', table: 'read' },
  { id: 'ExportBoardYear', entry: 'functions/api/exportBoardYear.ts', routes: [routeKey(exportBoardYearRoute)], auth: 'jwt', table: 'read' },
  { id: 'ExportBoardYearCsv', entry: 'functions/api/exportBoardYearCsv.ts', routes: [routeKey(exportBoardYearCsvRoute)], auth: 'jwt', table: 'read' },
  { id: 'ImportKoladaOutcomes', entry: 'functions/api/importKoladaOutcomes.ts', routes: [routeKey(importKoladaRoute)], auth: 'jwt', table: 'write' },
  { id: 'GetReviewQueue', entry: 'functions/api/getReviewQueue.ts', routes: [routeKey(reviewQueueRoute)], auth: 'jwt', table: 'read' },
  { id: 'GetDocumentHistory', entry: 'functions/api/getDocumentHistory.ts', routes: [routeKey(documentHistoryRoute)], auth: 'jwt', table: 'read' },
];

/** Functions that state machines invoke. */
export const taskFunctions: FunctionSpec[] = [
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
export const scheduledFunctions: FunctionSpec[] = [
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
