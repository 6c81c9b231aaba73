import type { Clock } from '../ports/clock';
import type { KoladaSource } from '../ports/koladaSource';
import type { WorkbookReader } from '../ports/workbookReader';
import type { Notifier } from '../ports/notifier';
import type { PeopleDirectory } from '../ports/people';
import type { Readiness } from '../ports/readiness';
import type { Scheduler } from '../ports/scheduler';
import type { TablePorts } from '../ports/tablePorts';
import type { WorkflowEngine } from '../ports/workflow';

/**
 * Every port a function may be given: the table's (shared/ports/tablePorts.ts) and the rest. The cloud
 * (shared/composition/cloud.ts) and the local stack (local/composition.ts) each build these from their
 * adapters; a handler factory asks for the few it uses, as `Pick<Deps, ...>`.
 */
export interface Deps extends TablePorts {
  clock: Clock;
  notifier: Notifier;
  scheduler: Scheduler;
  workflow: WorkflowEngine;
  readiness: Readiness;
  /** Who may sign in: Cognito in AWS, the local user store in the table locally. */
  people: PeopleDirectory;
  /** Kolada's open API (in AWS over HTTP; locally refused: no internet). */
  kolada: KoladaSource;
  /** Uploaded Excel workbooks. */
  workbooks: WorkbookReader;
}
