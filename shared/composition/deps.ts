import type { BoardRepository } from '../ports/boardRepository';
import type { Clock } from '../ports/clock';
import type { CycleRepository } from '../ports/cycleRepository';
import type { DocumentRepository } from '../ports/documentRepository';
import type { Notifier } from '../ports/notifier';
import type { Readiness } from '../ports/readiness';
import type { Scheduler } from '../ports/scheduler';
import type { SentMessages } from '../ports/sentMessages';
import type { WorkflowEngine } from '../ports/workflow';

/**
 * Every port a function may be given. The cloud (shared/composition/cloud.ts) and the local stack
 * (local/composition.ts) each build these from their adapters; a handler factory asks for the few it uses,
 * as `Pick<Deps, ...>`.
 */
export interface Deps {
  clock: Clock;
  boards: BoardRepository;
  cycles: CycleRepository;
  documents: DocumentRepository;
  sent: SentMessages;
  notifier: Notifier;
  scheduler: Scheduler;
  workflow: WorkflowEngine;
  readiness: Readiness;
}
