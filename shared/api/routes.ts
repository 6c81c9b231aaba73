import * as z from 'zod';
import '../schemas/openapiMeta';
import { budgetPreviewBodySchema, budgetPreviewSchema } from '../schemas/budgetPreview';
import { boardBodySchema, boardDeletionSchema, boardListSchema, boardSchema } from '../schemas/boards';
import { userBodySchema, userHistorySchema, userIdSchema, userListSchema, userSchema } from '../schemas/users';
import { boardIdSchema, documentKindSchema, type DocumentKind, problemSchema, yearSchema } from '../schemas/common';
import { councilGoalsSchema } from '../schemas/councilGoals';
import { calendarPatchBodySchema, copyPreviewSchema, createCycleBodySchema, createdCycleSchema, cycleHistorySchema, cycleStateSchema, cycleSchema, lateListSchema } from '../schemas/cycles';
import {
  decisionBodySchema,
  documentSchema,
  historySchema,
  saveDocumentBodyFor,
  signoffBodySchema,
  saveDocumentBodySchema,
  reviewQueueSchema,
  statusMatrixSchema,
  submitResponseSchema,
} from '../schemas/documents';
import { budgetBodySchema, budgetSchema, economyOverviewSchema, reportSectionsBodySchema, reportSectionsSchema } from '../schemas/economy';
import { boardYearExportSchema } from '../schemas/exports';
import { composedReportSchema, reportFileSchema, reportLanguageQuerySchema } from '../schemas/compiledReports';
import { reportKindSchema } from '../schemas/economy';
import {
  koladaFetchAnswerSchema,
  koladaFetchBodySchema,
  koladaImportAnswerSchema,
  koladaImportBodySchema,
  outcomeImportApplyBodySchema,
  outcomeImportBodySchema,
  outcomeImportPlanSchema,
  outcomeImportResultSchema,
} from '../schemas/imports';
import { indicatorSeriesSchema, metersResponseSchema, publicIndicatorParamsSchema, publicMetersParamsSchema } from '../schemas/meters';
import { idempotencyKeySchema, ifMatchSchema } from '../http/headers';
import { defineRoute, type RouteSpec } from '../http/route';

const problem = (description: string) => ({ description, schema: problemSchema });
const yearParams = z.object({ year: yearSchema });
const documentParams = z.object({ year: yearSchema, boardId: boardIdSchema, kind: documentKindSchema });
const idempotencyHeaders = z.object({ 'idempotency-key': idempotencyKeySchema.optional() });

const declared: RouteSpec[] = [];

/** Declares a route, and so lists it: `apiRoutes` is every route declared below, in order. */
function route<const S extends RouteSpec>(spec: S): S {
  declared.push(defineRoute(spec));
  return spec;
}

/**
 * The HTTP contract in code (../shared/docs/api.md): every route, its auth, action and schemas, in one entry.
 * Handlers validate with these; the functions manifest, the CDK routes, the local server, the authorization
 * matrix and GET /api/openapi.json are derived from them.
 */
export const healthRoute = route({
  operationId: 'getHealth',
  method: 'get',
  path: '/api/health',
  summary: "Readiness: ok once the stack can reach its table, with the server's time",
  tag: 'system',
  auth: 'public',
  responses: {
    200: {
      description: 'Ready',
      schema: z.object({
        status: z.literal('ok'),
        now: z.iso.datetime().openapi({ description: "The server's clock: clients take today's date from it (locally, the demo's clock)" }),
      }),
    },
    503: { description: 'Not ready', schema: problemSchema },
  },
});

export const openApiRoute = route({
  operationId: 'getOpenApi',
  method: 'get',
  path: '/api/openapi.json',
  summary: 'This API as OpenAPI 3.1, generated from the zod schemas',
  tag: 'system',
  auth: 'public',
  responses: { 200: { description: 'The OpenAPI document' } },
});

export const putBoardRoute = route({
  operationId: 'putBoard',
  etag: true,
  action: 'boards.put',
  method: 'put',
  path: '/api/boards/{boardId}',
  summary: 'Create or update a board (admin)',
  tag: 'boards',
  auth: 'jwt',
  params: z.object({ boardId: boardIdSchema }),
  headers: z.object({ 'if-match': ifMatchSchema.optional() }),
  body: boardBodySchema,
  responses: {
    200: { description: 'Updated', schema: boardSchema },
    201: { description: 'Created', schema: boardSchema },
    403: { description: 'Not an admin', schema: problemSchema },
    412: problem('If-Match is not the board\'s version ("0" to create): someone changed it meanwhile'),
    422: { description: 'Invalid board', schema: problemSchema },
  },
});

export const deleteBoardRoute = route({
  operationId: 'deleteBoard',
  action: 'boards.delete',
  method: 'delete',
  path: '/api/boards/{boardId}',
  summary: 'Delete a board that never had a document and has no units (admin); archive the others',
  tag: 'boards',
  auth: 'jwt',
  params: z.object({ boardId: boardIdSchema }),
  headers: z.object({ 'if-match': ifMatchSchema.optional() }),
  responses: {
    204: { description: 'Deleted; its audit trail stays' },
    403: problem('Not an admin'),
    404: problem('No such board'),
    409: problem('The board has documents (archive it instead), is named in council goals (take it out first) or has units (move or delete them first); `errors` names which, at `documents`, `councilGoals` or `units`'),
    412: problem("If-Match is not the board's version"),
  },
});

export const getBoardDeletionRoute = route({
  operationId: 'getBoardDeletion',
  action: 'boards.delete',
  method: 'get',
  path: '/api/boards/{boardId}/deletion',
  summary: 'Whether DELETE would delete the board, and what stands in its way (admin)',
  tag: 'boards',
  auth: 'jwt',
  params: z.object({ boardId: boardIdSchema }),
  responses: { 200: { description: 'What stands in the way', schema: boardDeletionSchema }, 404: problem('No such board') },
});

export const listBoardsRoute = route({
  operationId: 'listBoards',
  action: 'boards.list',
  method: 'get',
  path: '/api/boards',
  summary: 'All boards and company boards',
  tag: 'boards',
  auth: 'jwt',
  responses: { 200: { description: 'The boards, by id', schema: boardListSchema } },
});

const userParams = z.object({ userId: userIdSchema });

export const listUsersRoute = route({
  operationId: 'listUsers',
  action: 'users.read',
  method: 'get',
  path: '/api/users',
  summary: 'Everyone who may sign in, by name (admin)',
  tag: 'people',
  auth: 'jwt',
  responses: { 200: { description: 'The people', schema: userListSchema } },
});

export const putUserRoute = route({
  operationId: 'putUser',
  action: 'users.put',
  method: 'put',
  path: '/api/users/{userId}',
  summary: 'Invite or change a person (admin); audited',
  tag: 'people',
  auth: 'jwt',
  params: userParams,
  body: userBodySchema,
  responses: {
    200: { description: 'Changed (or unchanged)', schema: userSchema },
    201: { description: 'Invited', schema: userSchema },
    409: problem('Changed meanwhile'),
    422: problem('Invalid person'),
    503: problem('Busy: try again'),
  },
});

export const deactivateUserRoute = route({
  operationId: 'deactivateUser',
  action: 'users.deactivate',
  method: 'delete',
  path: '/api/users/{userId}',
  summary: 'Deactivate a person (admin); audited',
  tag: 'people',
  auth: 'jwt',
  params: userParams,
  responses: {
    204: { description: 'Deactivated (or inactive already)' },
    404: problem('No such person'),
    409: problem('Yourself'),
    503: problem('Busy: try again'),
  },
});

export const userHistoryRoute = route({
  operationId: 'getUserHistory',
  action: 'users.read',
  method: 'get',
  path: '/api/users/{userId}/history',
  summary: "A person's audit trail, oldest first (admin)",
  tag: 'people',
  auth: 'jwt',
  params: userParams,
  responses: { 200: { description: 'The events', schema: userHistorySchema }, 404: problem('No such person') },
});

export const createCycleRoute = route({
  operationId: 'createCycle',
  idempotency: 'remembered',
  etag: true,
  action: 'cycles.create',
  method: 'post',
  path: '/api/cycles',
  summary: "Open a year's cycle with its calendar (admin), or copy one (copyFrom); its reporting periods are scheduled",
  tag: 'cycles',
  auth: 'jwt',
  headers: idempotencyHeaders,
  body: createCycleBodySchema,
  responses: {
    201: { description: 'Opened', schema: createdCycleSchema },
    409: problem('The year exists already'),
    422: problem('Invalid calendar, or unknown copyFrom'),
  },
});

export const copyPreviewRoute = route({
  operationId: 'getCopyPreview',
  action: 'cycles.copyPreview',
  method: 'get',
  path: '/api/cycles/{year}/copy-preview',
  summary: 'What copying this year into `to` would copy (admin)',
  tag: 'cycles',
  auth: 'jwt',
  params: yearParams,
  query: z.object({ to: yearSchema.optional().openapi({ description: 'Default: the year after' }) }),
  responses: { 200: { description: 'The preview', schema: copyPreviewSchema }, 404: problem('No such cycle') },
});

export const listCyclesRoute = route({
  operationId: 'listCycles',
  action: 'cycles.read',
  method: 'get',
  path: '/api/cycles',
  summary: 'Every cycle, oldest year first',
  tag: 'cycles',
  auth: 'jwt',
  responses: { 200: { description: 'The cycles', schema: z.object({ cycles: z.array(cycleSchema) }).openapi('CycleList') } },
});

export const getCycleRoute = route({
  operationId: 'getCycle',
  etag: true,
  action: 'cycles.read',
  method: 'get',
  path: '/api/cycles/{year}',
  summary: 'A cycle, its calendar and its state',
  tag: 'cycles',
  auth: 'jwt',
  params: yearParams,
  responses: { 200: { description: 'The cycle', schema: cycleSchema }, 404: problem('No such cycle') },
});

export const getCycleHistoryRoute = route({
  operationId: 'getCycleHistory',
  action: 'cycles.history',
  method: 'get',
  path: '/api/cycles/{year}/history',
  summary: "A cycle's own audit trail, oldest first: opened, council goals replaced, calendar changes, sign-off",
  tag: 'cycles',
  auth: 'jwt',
  params: yearParams,
  responses: { 200: { description: 'The events', schema: cycleHistorySchema }, 404: problem('No such cycle') },
});

export const changeCalendarRoute = route({
  operationId: 'changeCalendar',
  etag: true,
  action: 'cycles.calendar.patch',
  method: 'patch',
  path: '/api/cycles/{year}/calendar',
  summary: 'Change deadlines or reminder settings (admin); schedules and pending reminders follow',
  tag: 'cycles',
  auth: 'jwt',
  params: yearParams,
  headers: z.object({ 'if-match': ifMatchSchema.optional() }),
  body: calendarPatchBodySchema,
  responses: {
    200: { description: 'Changed', schema: cycleSchema },
    409: problem('Signed off'),
    412: problem('Changed meanwhile'),
    422: problem('Deadlines out of order, unknown fields'),
  },
});

export const lateRoute = route({
  operationId: 'getLate',
  action: 'late.read',
  method: 'get',
  path: '/api/cycles/{year}/late',
  summary: 'Who is late today: boards and documents past their due date and not submitted',
  tag: 'cycles',
  auth: 'jwt',
  params: yearParams,
  responses: { 200: { description: 'The late documents, most overdue first', schema: lateListSchema } },
});

export const putCouncilGoalsRoute = route({
  operationId: 'putCouncilGoals',
  etag: true,
  action: 'councilGoals.put',
  method: 'put',
  path: '/api/cycles/{year}/council-goals',
  summary: "Replace the council's goals, indicators and targets (admin), while no plan of the year is approved",
  tag: 'cycles',
  auth: 'jwt',
  params: yearParams,
  headers: z.object({ 'if-match': ifMatchSchema.optional() }),
  body: councilGoalsSchema,
  responses: {
    200: { description: 'Replaced', schema: councilGoalsSchema },
    409: problem('A plan of the year is approved already'),
    412: problem('Changed by someone else meanwhile'),
    422: problem('Invalid goals: duplicate ids, unknown boards, ...'),
  },
});

export const getCouncilGoalsRoute = route({
  operationId: 'getCouncilGoals',
  etag: true,
  action: 'councilGoals.read',
  method: 'get',
  path: '/api/cycles/{year}/council-goals',
  summary: "The council's goals of a year",
  tag: 'cycles',
  auth: 'jwt',
  params: yearParams,
  responses: { 200: { description: 'The goals', schema: councilGoalsSchema }, 404: problem('Not loaded yet') },
});

export const putBudgetRoute = route({
  operationId: 'putBudget',
  etag: true,
  action: 'budget.put',
  method: 'put',
  path: '/api/cycles/{year}/budget',
  summary: "Replace the year's budget (admin): each board's net cost in tkr, each company's return requirement",
  tag: 'economy',
  auth: 'jwt',
  params: yearParams,
  headers: z.object({ 'if-match': ifMatchSchema.optional() }),
  body: budgetBodySchema,
  responses: {
    200: { description: 'Replaced', schema: budgetSchema },
    404: problem('No such cycle'),
    409: problem('The year is signed off'),
    412: problem('Changed by someone else meanwhile'),
    422: problem('An unknown board, a board given twice, a negative amount, a return requirement for a board that is not a company'),
  },
});

export const getBudgetRoute = route({
  operationId: 'getBudget',
  etag: true,
  action: 'budget.read',
  method: 'get',
  path: '/api/cycles/{year}/budget',
  summary: "The year's budget; version 0 and no boards before the first PUT",
  tag: 'economy',
  auth: 'jwt',
  params: yearParams,
  responses: { 200: { description: 'The budget', schema: budgetSchema }, 404: problem('No such cycle') },
});

export const previewBudgetRoute = route({
  operationId: 'previewBudget',
  action: 'budget.put',
  method: 'post',
  path: '/api/cycles/{year}/budget/preview',
  summary: "What an uploaded budget sheet (CSV or Excel) would put into the year's budget: the lines matched to boards, the rows it cannot take and why, each against the stored budget; saves nothing (admin)",
  tag: 'economy',
  auth: 'jwt',
  params: yearParams,
  body: budgetPreviewBodySchema,
  responses: {
    200: { description: 'The lines (new, changed: stored → sheet, same) and the problems by row', schema: budgetPreviewSchema },
    404: problem('No such cycle'),
    413: problem('The body is too large'),
    422: problem('Not a sheet that can be read, or an empty one'),
  },
});

export const putReportSectionsRoute = route({
  operationId: 'putReportSections',
  etag: true,
  action: 'reportSections.put',
  method: 'put',
  path: '/api/cycles/{year}/report-sections',
  summary: "Replace the text sections the city asks the boards to write in their reports (admin), in the city's order",
  tag: 'economy',
  auth: 'jwt',
  params: yearParams,
  headers: z.object({ 'if-match': ifMatchSchema.optional() }),
  body: reportSectionsBodySchema,
  responses: {
    200: { description: 'Replaced', schema: reportSectionsSchema },
    404: problem('No such cycle'),
    409: problem('The year is signed off'),
    412: problem('Changed by someone else meanwhile'),
    422: problem('A section id given twice, a section without a report kind'),
  },
});

export const getReportSectionsRoute = route({
  operationId: 'getReportSections',
  etag: true,
  action: 'reportSections.read',
  method: 'get',
  path: '/api/cycles/{year}/report-sections',
  summary: "The year's report sections; version 0 and none before the first PUT",
  tag: 'economy',
  auth: 'jwt',
  params: yearParams,
  responses: { 200: { description: 'The sections', schema: reportSectionsSchema }, 404: problem('No such cycle') },
});

export const getEconomyOverviewRoute = route({
  operationId: 'getEconomyOverview',
  action: 'economy.read',
  method: 'get',
  path: '/api/cycles/{year}/economy',
  summary: "The city's economy: each board's budget beside its approved reports' forecasts and outcomes, the deviations and the total",
  tag: 'economy',
  auth: 'jwt',
  params: yearParams,
  responses: { 200: { description: 'The overview', schema: economyOverviewSchema }, 404: problem('No such cycle') },
});

export const statusMatrixRoute = route({
  operationId: 'getStatusMatrix',
  action: 'status.read',
  method: 'get',
  path: '/api/cycles/{year}/status',
  summary: "Boards × documents: status, due date and lateness; the top-level boards, or with ?parent= a board's direct units",
  tag: 'cycles',
  auth: 'jwt',
  params: yearParams,
  query: z.object({ parent: boardIdSchema.optional().openapi({ description: 'List the direct units of this board instead of the top-level boards' }) }),
  responses: { 200: { description: 'The matrix', schema: statusMatrixSchema }, 404: problem('No such cycle, or no such parent board') },
});

export const getDocumentRoute = route({
  operationId: 'getDocument',
  etag: true,
  action: 'documents.read',
  method: 'get',
  path: '/api/cycles/{year}/boards/{boardId}/documents/{kind}',
  summary: "A board's plan or report (editors: own boards only)",
  tag: 'documents',
  auth: 'jwt',
  params: documentParams,
  responses: { 200: { description: 'The document; its version is also the ETag', schema: documentSchema }, 404: problem('No such cycle or board') },
});

export const saveDocumentRoute = route({
  operationId: 'saveDocument',
  etag: true,
  action: 'documents.save',
  method: 'put',
  path: '/api/cycles/{year}/boards/{boardId}/documents/{kind}',
  summary: 'Save a draft (editor of the board); needs If-Match',
  tag: 'documents',
  auth: 'jwt',
  params: documentParams,
  headers: z.object({ 'if-match': ifMatchSchema.optional() }),
  body: saveDocumentBodySchema,
  bodyFor: (params: { kind: DocumentKind }) => saveDocumentBodyFor(params.kind),
  responses: {
    200: { description: 'Saved', schema: documentSchema },
    409: problem('Not editable in its status, or the year is signed off'),
    412: problem('Stale If-Match'),
    422: problem('Invalid content'),
    428: problem('If-Match missing'),
  },
});

export const submitDocumentRoute = route({
  operationId: 'submitDocument',
  idempotency: 'transactional',
  action: 'documents.submit',
  method: 'post',
  path: '/api/cycles/{year}/boards/{boardId}/documents/{kind}/submit',
  summary: 'Submit for central review (editor of the board)',
  tag: 'documents',
  auth: 'jwt',
  params: documentParams,
  headers: idempotencyHeaders,
  responses: {
    202: { description: 'In review, with the automatic findings', schema: submitResponseSchema },
    409: problem('Cannot be submitted in its status, or the plan is not approved yet'),
    422: problem('Incomplete: every missing item is listed'),
  },
});

export const decideDocumentRoute = route({
  operationId: 'decideDocument',
  idempotency: 'transactional',
  action: 'documents.decide',
  method: 'post',
  path: '/api/cycles/{year}/boards/{boardId}/documents/{kind}/decision',
  summary: 'Approve, or return with a comment (reviewer)',
  tag: 'documents',
  auth: 'jwt',
  params: documentParams,
  headers: idempotencyHeaders,
  body: decisionBodySchema,
  responses: {
    200: { description: 'Decided', schema: documentSchema },
    409: problem('Not in review'),
    422: problem('A return needs a comment; indicator comments must name indicators of the plan'),
  },
});

export const documentHistoryRoute = route({
  operationId: 'getDocumentHistory',
  action: 'documents.history',
  method: 'get',
  path: '/api/cycles/{year}/boards/{boardId}/documents/{kind}/history',
  summary: "A document's audit trail, oldest first",
  tag: 'documents',
  auth: 'jwt',
  params: documentParams,
  responses: { 200: { description: 'The events', schema: historySchema } },
});

export const signoffRoute = route({
  operationId: 'signOff',
  idempotency: 'remembered',
  action: 'signoff',
  method: 'post',
  path: '/api/cycles/{year}/signoff',
  summary: 'Sign the year off (executive), with the purpose review of every company',
  tag: 'cycles',
  auth: 'jwt',
  params: yearParams,
  headers: idempotencyHeaders,
  body: signoffBodySchema,
  responses: {
    200: { description: 'Signed off; the year is read-only from now on', schema: cycleSchema },
    409: problem('Annual reports not approved yet (listed), or already signed off'),
    422: problem('A company without a verdict, or a verdict of not within purpose without a comment'),
  },
});

const csv = (description: string) => ({ description, schema: z.string() });

export const publicCyclesRoute = route({
  operationId: 'listPublicCycles',
  method: 'get',
  path: '/api/public/cycles',
  summary: 'The years opened, oldest first, so that a visitor asks only for meters that exist (no sign-in)',
  tag: 'public',
  auth: 'public',
  cache: 'public',
  responses: {
    200: {
      description: 'The years',
      schema: z.object({ cycles: z.array(z.object({ year: yearSchema, state: cycleStateSchema })) }).openapi('PublicCycleList'),
    },
  },
});

export const publicMetersRoute = route({
  operationId: 'getPublicMeters',
  method: 'get',
  path: '/api/public/cycles/{year}/meters',
  summary: 'The strategy meters of a year, from approved documents only (no sign-in)',
  tag: 'public',
  auth: 'public',
  cache: 'public',
  params: publicMetersParamsSchema,
  responses: { 200: { description: 'The meters', schema: metersResponseSchema }, 404: problem('No such cycle, or its goals are not published') },
});

export const publicMetersCsvRoute = route({
  operationId: 'getPublicMetersCsv',
  method: 'get',
  path: '/api/public/cycles/{year}/meters.csv',
  summary: 'The same meters as CSV with a header row, one row per indicator and board',
  tag: 'public',
  auth: 'public',
  cache: 'public',
  params: publicMetersParamsSchema,
  produces: 'text/csv',
  responses: { 200: csv('CSV, UTF-8'), 404: problem('No such cycle') },
});

export const publicIndicatorRoute = route({
  operationId: 'getPublicIndicator',
  method: 'get',
  path: '/api/public/indicators/{id}',
  summary: "One indicator's series across all years (mid-term and end-of-term reviews)",
  tag: 'public',
  auth: 'public',
  cache: 'public',
  params: publicIndicatorParamsSchema,
  responses: { 200: { description: 'The series', schema: indicatorSeriesSchema }, 404: problem('No year has this indicator') },
});

export const publicIndicatorCsvRoute = route({
  operationId: 'getPublicIndicatorCsv',
  method: 'get',
  path: '/api/public/indicators/{id}/series.csv',
  summary: "The same series as CSV with a header row, one row per year (the meter page's download)",
  tag: 'public',
  auth: 'public',
  cache: 'public',
  params: publicIndicatorParamsSchema,
  produces: 'text/csv',
  responses: { 200: csv('CSV, UTF-8'), 404: problem('No year has this indicator') },
});

const boardYearParams = z.object({ year: yearSchema, boardId: boardIdSchema });

export const exportBoardYearRoute = route({
  operationId: 'exportBoardYear',
  action: 'exports.read',
  method: 'get',
  path: '/api/cycles/{year}/boards/{boardId}/export',
  summary: "A board's whole year, plan and reports, as JSON",
  tag: 'exports',
  auth: 'jwt',
  params: boardYearParams,
  responses: { 200: { description: 'The year', schema: boardYearExportSchema } },
});

export const exportBoardYearCsvRoute = route({
  operationId: 'exportBoardYearCsv',
  action: 'exports.read',
  method: 'get',
  path: '/api/cycles/{year}/boards/{boardId}/export.csv',
  summary: "A board's whole year as a spreadsheet-friendly CSV (semicolons, decimal commas, BOM)",
  tag: 'exports',
  auth: 'jwt',
  params: boardYearParams,
  produces: 'text/csv',
  responses: { 200: csv('CSV for Swedish Excel') },
});

export const importKoladaRoute = route({
  operationId: 'importKoladaOutcomes',
  idempotency: 'remembered',
  action: 'outcomes.import',
  method: 'post',
  path: '/api/cycles/{year}/imports/kolada',
  summary: 'Import indicator outcomes in the Kolada JSON shape as draft values of the boards (admin)',
  tag: 'exports',
  auth: 'jwt',
  params: yearParams,
  headers: idempotencyHeaders,
  body: koladaImportBodySchema,
  responses: { 200: { description: 'What was written where, and what was skipped', schema: koladaImportAnswerSchema }, 422: problem('Invalid mapping') },
});

export const previewOutcomeImportRoute = route({
  operationId: 'previewOutcomeImport',
  action: 'outcomes.import',
  method: 'post',
  path: '/api/cycles/{year}/imports/preview',
  summary: 'What an import of outcomes (Kolada JSON, a CSV or Excel sheet) would write, row by row, and what it skips and why; changes nothing (admin)',
  tag: 'exports',
  auth: 'jwt',
  params: yearParams,
  body: outcomeImportBodySchema,
  responses: {
    200: { description: 'The mapped rows (old → new), the skipped rows with their reasons, the reports written into', schema: outcomeImportPlanSchema },
    404: problem('No such cycle, or its council goals are not loaded'),
    409: problem('The year is signed off'),
    413: problem('The body is too large'),
    422: problem('Not JSON, not Kolada data, not a sheet of outcomes'),
  },
});

export const applyOutcomeImportRoute = route({
  operationId: 'applyOutcomeImport',
  idempotency: 'remembered',
  action: 'outcomes.import',
  method: 'post',
  path: '/api/cycles/{year}/imports/apply',
  summary: "Write a previewed import's values as draft outcomes into the boards' reports, only at the versions the preview showed (admin)",
  tag: 'exports',
  auth: 'jwt',
  params: yearParams,
  headers: idempotencyHeaders,
  body: outcomeImportApplyBodySchema,
  responses: {
    200: { description: 'What was written where (old → new), what was not and why, and the skipped rows', schema: outcomeImportResultSchema },
    404: problem('No such cycle, or its council goals are not loaded'),
    409: problem('The year is signed off'),
    413: problem('The body is too large'),
    422: problem('Not JSON, not Kolada data, not a sheet of outcomes'),
  },
});

export const fetchKoladaPagesRoute = route({
  operationId: 'fetchKoladaPages',
  action: 'outcomes.import',
  method: 'post',
  path: '/api/cycles/{year}/imports/kolada/fetch',
  summary: "Fetch outcomes from Kolada's v3 API by KPI, municipality or unit and year, every page, as the content of a preview (admin; AWS only)",
  tag: 'exports',
  auth: 'jwt',
  params: yearParams,
  body: koladaFetchBodySchema,
  responses: {
    200: { description: "Kolada's pages", schema: koladaFetchAnswerSchema },
    404: problem('No such cycle'),
    422: problem('No KPIs to fetch, or no municipality or unit named'),
    503: problem('Kolada cannot be reached (locally there is no internet): paste or upload instead'),
  },
});

export const reviewQueueRoute = route({
  operationId: 'getReviewQueue',
  action: 'queue.read',
  method: 'get',
  path: '/api/review-queue',
  summary:
    "Documents waiting for review, oldest first (optionally of one year), each only for who may decide on it: the city's reviewers, and for a unit's document the editors of the boards above it",
  tag: 'documents',
  auth: 'jwt',
  query: z.object({
    year: yearSchema.optional(),
    limit: z.coerce
      .number()
      .int()
      .min(1, 'ask for at least 1 entry a page')
      .max(500, 'ask for at most 500 entries a page')
      .optional()
      .openapi({ description: 'Entries a page (default 100, at most 500)' }),
    after: z.string().max(400).optional().openapi({ description: 'The `next` of the previous page' }),
    level: z
      .enum(['top', 'units'])
      .optional()
      .openapi({
        description:
          'top: only the boards directly below the council; units: every level, units too. The default is top for callers not scoped to boards (the city), units for callers scoped to boards (a board\'s office, a scoped reviewer)',
      }),
  }),
  responses: { 200: { description: 'The queue', schema: reviewQueueSchema } },
});

const docx = (description: string) => ({ description, schema: z.string().openapi({ description: 'The bytes of a .docx file (binary)' }) });
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const compiledReportDocxRoute = route({
  operationId: 'getCompiledReportDocx',
  action: 'reports.read',
  method: 'get',
  path: '/api/cycles/{year}/reports/{file}',
  summary:
    "The city's compiled report (`t1.docx`, `t2.docx`, `annual.docx`) as a Word document, written from the year's approved documents (Swedish; ?lang=en for English)",
  tag: 'reports',
  auth: 'jwt',
  params: z.object({ year: yearSchema, file: reportFileSchema }),
  query: reportLanguageQuerySchema,
  produces: DOCX,
  responses: { 200: docx('The Word document, as an attachment'), 404: problem('No such cycle, or its council goals are not loaded') },
});

export const compiledReportRoute = route({
  operationId: 'getCompiledReport',
  action: 'reports.read',
  method: 'get',
  path: '/api/cycles/{year}/compiled-reports/{kind}',
  summary: "The same compiled report as JSON, worded in the language asked for: what the web app's print page shows",
  tag: 'reports',
  auth: 'jwt',
  params: z.object({ year: yearSchema, kind: reportKindSchema }),
  query: reportLanguageQuerySchema,
  responses: { 200: { description: 'The report, block by block', schema: composedReportSchema }, 404: problem('No such cycle, or its council goals are not loaded') },
});

export const documentDocxRoute = route({
  operationId: 'getDocumentDocx',
  action: 'documents.read',
  method: 'get',
  path: '/api/cycles/{year}/boards/{boardId}/documents/{kind}/export.docx',
  summary: "A board's own plan or report as a Word document (Swedish; ?lang=en for English)",
  tag: 'documents',
  auth: 'jwt',
  params: documentParams,
  query: reportLanguageQuerySchema,
  produces: DOCX,
  responses: { 200: docx('The Word document, as an attachment'), 404: problem('No such cycle or board') },
});

/** Every route, in the order declared. */
export const apiRoutes: RouteSpec[] = declared;
