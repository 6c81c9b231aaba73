/**
 * What a year's summary keeps of each document, so that the status matrix, the late list, sign-off, the period
 * jobs, the reminders and the public meters never read the documents themselves. The store writes both entries
 * in the same transaction as the document's change, so they are never stale.
 *
 *   - the status entry: the status, and when a returned document was returned (the reminders count from then);
 *   - the approved figures: an approved plan's targets, an approved report's outcomes and forecasts: the few
 *     numbers the meters show; and an approved report's money (net cost so far, forecast, outcome, a company's
 *     return) with the start of its comment, for the city's economy overview. Kept only while the document is
 *     approved. The public meters read the indicators only: money is not a public meter.
 */
import type { DocumentKind, DocumentStatus } from '../schemas/common';
import type { PlanContent, ReportContent } from '../schemas/documents';

export interface DocumentStatusEntry {
  boardId: string;
  kind: DocumentKind;
  status: DocumentStatus;
  /** When the document was last returned, while it is `returned`. */
  returnedAt?: string;
}

export interface PlanFigures {
  boardId: string;
  kind: 'plan';
  targets: Array<{ indicatorId: string; target: number }>;
  /** When it was approved (the public meter's "last updated"); absent on figures kept before it was recorded. */
  approvedAt?: string;
}

export interface ReportFigures {
  boardId: string;
  kind: 't1' | 't2' | 'annual';
  indicators: Array<{ indicatorId: string; outcome?: number; forecast?: number }>;
  /** The report's money, when it gave any (tkr; returns in percent). */
  economy?: EconomyFigures;
  /** When it was approved (the public meter's "last updated"); absent on figures kept before it was recorded. */
  approvedAt?: string;
}

/** What the summary keeps of a report's money: its numbers, and its comment up to SUMMARY_COMMENT_CHARS. */
export interface EconomyFigures {
  outcomeToDate?: number;
  forecast?: number;
  outcome?: number;
  returnForecast?: number;
  returnOutcome?: number;
  comment?: string;
}

export type ApprovedFigures = PlanFigures | ReportFigures;

interface SummarizedDocument {
  boardId: string;
  kind: DocumentKind;
  status: DocumentStatus;
  content: unknown;
  comments: ReadonlyArray<{ decision?: string; at: string }>;
  parentId?: string;
}

/** The status entry of a document. */
export function statusEntryOf(doc: SummarizedDocument): DocumentStatusEntry {
  const returnedAt = doc.status === 'returned' ? doc.comments.findLast((comment) => comment.decision === 'return')?.at : undefined;
  return { boardId: doc.boardId, kind: doc.kind, status: doc.status, ...(returnedAt ? { returnedAt } : {}) };
}

/**
 * The figures an approved document gives the public meters; undefined for any other status, and for a unit's
 * document: its figures live in its parent's roll-up item, and the meters publish the top-level boards, so a city
 * with a thousand units reads no more for its meters than one without.
 */
export function approvedFiguresOf(doc: SummarizedDocument): ApprovedFigures | undefined {
  if (doc.status !== 'approved' || doc.parentId) return undefined;
  const approvedAt = doc.comments.findLast((comment) => comment.decision === 'approve')?.at;
  const dated = approvedAt ? { approvedAt } : {};
  if (doc.kind === 'plan') {
    const content = doc.content as Pick<PlanContent, 'targets'>;
    return { boardId: doc.boardId, kind: 'plan', targets: content.targets.map(({ indicatorId, target }) => ({ indicatorId, target })), ...dated };
  }
  const content = doc.content as Pick<ReportContent, 'indicators' | 'economy'>;
  const economy = economyFiguresOf(content, { withComment: true });
  return {
    boardId: doc.boardId,
    kind: doc.kind,
    indicators: reportedValuesOf(content),
    ...(economy ? { economy } : {}),
    ...dated,
  };
}

/**
 * A summary item holds sixteen boards' four documents: a comment may run to 5,000 characters, so the summary keeps
 * its start (the overview's glimpse) and the report itself keeps the whole.
 */
export const SUMMARY_COMMENT_CHARS = 1000;

const economyNumbers = ['outcomeToDate', 'forecast', 'outcome', 'returnForecast', 'returnOutcome'] as const;

/** A report's money as the summary (with its comment's start) or a parent's roll-up (numbers only) keeps it; undefined when it gave none. */
export function economyFiguresOf(content: Pick<ReportContent, 'economy'>, options: { withComment: boolean }): EconomyFigures | undefined {
  const economy = content.economy;
  if (!economy) return undefined;
  const figures: EconomyFigures = {};
  for (const field of economyNumbers) if (economy[field] !== undefined) figures[field] = economy[field];
  const comment = economy.comment?.trim();
  if (options.withComment && comment) figures.comment = glimpse(comment);
  return Object.keys(figures).length > 0 ? figures : undefined;
}

/** A report's outcomes and forecasts, only where it has one: what the meters and a parent's roll-up keep. */
export function reportedValuesOf(content: Pick<ReportContent, 'indicators'>): ReportFigures['indicators'] {
  return content.indicators
    .filter((indicator) => indicator.outcome !== undefined || indicator.forecast !== undefined)
    .map(({ indicatorId, outcome, forecast }) => ({
      indicatorId,
      ...(outcome !== undefined ? { outcome } : {}),
      ...(forecast !== undefined ? { forecast } : {}),
    }));
}

/** The comment, or its start with an ellipsis; cut between characters, never inside one. */
function glimpse(comment: string): string {
  const characters = Array.from(comment);
  return characters.length > SUMMARY_COMMENT_CHARS ? `${characters.slice(0, SUMMARY_COMMENT_CHARS - 1).join('').trimEnd()}…` : comment;
}

/** Boards per summary item when a year opens: small enough that a change rewrites little, few enough to read at once. */
export const BOARDS_PER_SUMMARY_CHUNK = 16;

/** How many items a year's summary is spread over, fixed when the year opens, from the number of boards then. */
export function summaryChunksFor(boards: number): number {
  return Math.max(1, Math.ceil(boards / BOARDS_PER_SUMMARY_CHUNK));
}
