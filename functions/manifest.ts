/**
 * Every Lambda function of Årshjul, listed once. The CDK app creates one NodejsFunction per entry
 * (and its HTTP API routes); the local HTTP server dispatches the same routes to the same handlers.
 */
import { healthRoute, listBoardsRoute, openApiRoute, putBoardRoute } from '../shared/api/routes';
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
  /** Whether the function completes workflow callbacks or starts executions. */
  workflow?: 'start-and-callback' | 'none';
  /** Whether the function sends e-mail. */
  sendsEmail?: boolean;
}

export const apiFunctions: FunctionSpec[] = [
  { id: 'GetHealth', entry: 'functions/api/getHealth.ts', routes: [routeKey(healthRoute)], auth: 'public', table: 'read' },
  { id: 'GetOpenApi', entry: 'functions/api/getOpenApi.ts', routes: [routeKey(openApiRoute)], auth: 'public', table: 'none' },
  { id: 'PutBoard', entry: 'functions/api/putBoard.ts', routes: [routeKey(putBoardRoute)], auth: 'jwt', table: 'write' },
  { id: 'ListBoards', entry: 'functions/api/listBoards.ts', routes: [routeKey(listBoardsRoute)], auth: 'jwt', table: 'read' },
];

/** Functions that state machines invoke. */
export const taskFunctions: FunctionSpec[] = [];

export const allFunctions: FunctionSpec[] = [...apiFunctions, ...taskFunctions];
