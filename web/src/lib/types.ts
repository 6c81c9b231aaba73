/**
 * The API's shapes as the web app uses them. Type-only imports from shared/schemas keep the app in step with the
 * contract without bundling zod; the shapes of routes not built yet (meters, sign-off, review queue) are written
 * here from ../shared/docs/api.md.
 */
export type { Board, BoardKind } from '../../../shared/schemas/boards';
export type { DocumentKind, DocumentStatus } from '../../../shared/schemas/common';
export type { CouncilGoals, CouncilIndicator, AreaGoal, DirectionGoal, Direction } from '../../../shared/schemas/councilGoals';
export type { Cycle } from '../../../shared/schemas/cycles';
export type {
  DecisionBody,
  DocumentView,
  Finding,
  TargetFinding,
  PlanContent,
  ReportContent,
  Rollup,
  SignoffBody,
  StatusMatrix,
  SubmitResponse,
} from '../../../shared/schemas/documents';
export type { IndicatorSeries, Meter, MeterBoard, MetersResponse } from '../../../shared/schemas/meters';

import type { BoardKind } from '../../../shared/schemas/boards';
import type { DocumentStatus } from '../../../shared/schemas/common';
import type { DocumentView, ParentPlanView, HistoryEvent as HistoryEventSchema, PlanContent, ReportContent, ReviewComment as ReviewCommentSchema } from '../../../shared/schemas/documents';

/** Who did it: the API adds `actorName` beside the login id when it knows the person's name. */
interface Named {
  actorName?: string;
}
export type HistoryEvent = HistoryEventSchema & Named;
export type ReviewComment = ReviewCommentSchema & Named;
import type { DocumentKind } from '../../../shared/schemas/common';

export const documentKinds: readonly DocumentKind[] = ['plan', 't1', 't2', 'annual'];
export const reportKinds = ['t1', 't2', 'annual'] as const;
export type ReportKind = (typeof reportKinds)[number];

/** A unit's document: its parent board, the parent plan's status, its targets and goals (the unit plans against them). */
export type ParentContext = ParentPlanView;
export type ParentTarget = ParentPlanView['targets'][number];

/** A document as GET answers it, with the added fields the API sends beside the contract's. */
export type DocumentRead = Omit<DocumentView, 'comments'> & {
  comments: ReviewComment[];
  submittedAt?: string;
  submissions?: number;
  updatedBy?: string;
  /** The name of who saved last, when the API knows it. */
  updatedByName?: string;
  previousSubmission?: PlanContent | ReportContent;
};

/** One entry of GET /api/review-queue (`{ documents: [...] }`), oldest submission first; boardName is added here. */
export interface ReviewQueueItem {
  year: number;
  boardId: string;
  boardName?: string;
  kind: DocumentKind;
  submittedAt?: string;
  submissions?: number;
  findings?: number;
  /** A unit's document: the board it sits below (its office decides). */
  parentId?: string | null;
  boardKind?: BoardKind;
}

/** What a cycle's history records (GET /api/cycles/{year}/history), oldest first. */
export type CycleEventAction = 'opened' | 'calendar_changed' | 'council_goals_replaced' | 'signed_off' | 'budget_replaced' | 'report_sections_replaced';
export interface CycleHistoryEvent {
  at: string;
  actor: string;
  actorName?: string;
  role?: string;
  action: CycleEventAction;
  comment?: string;
  details?: {
    timeZone?: string;
    changes?: Array<{ field: string; from: string | number | null; to: string | number }>;
    goals?: { version: number; directionGoals: number; indicators: number };
    companies?: number;
    /** `budget_replaced`: the version written, how many boards have a line, their net costs added (tkr). */
    budget?: { version: number; boards: number; netCost: number };
    /** `report_sections_replaced`: the version written and how many sections. */
    sections?: { version: number; sections: number };
    /** A year copied from another: that year. */
    copiedFrom?: number;
  };
}
export interface CycleHistory {
  year: number;
  events: CycleHistoryEvent[];
}
