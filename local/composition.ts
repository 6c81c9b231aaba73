/**
 * The composition root of the local stack: the same ports as in AWS (shared/composition/cloud.ts), built from
 * the local adapters. DynamoDB Local stands in for the table, the local Step Functions service for the state
 * machines (through the real SDK adapter), the outbox for SES, the local scheduler for EventBridge Scheduler,
 * and the controllable clock for time. Every handler factory is called with these deps.
 */
import { SFNClient } from '@aws-sdk/client-sfn';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { dynamoPorts } from '../shared/adapters/dynamo/index';
import { DynamoTableReadiness } from '../shared/adapters/dynamo/tableReadiness';
import { DynamoPeopleDirectory } from '../shared/adapters/dynamo/people';
import { StepFunctionsEngine } from '../shared/adapters/sfn/stepFunctionsEngine';
import { OfflineKoladaSource } from '../shared/adapters/kolada/httpKoladaSource';
import { ExcelWorkbookReader } from '../shared/adapters/exceljs/excelWorkbookReader';
import type { Deps } from '../shared/composition/deps';
import type { Clock } from '../shared/ports/clock';
import type { Notifier } from '../shared/ports/notifier';
import type { Scheduler } from '../shared/ports/scheduler';
import type { TablePorts } from '../shared/ports/tablePorts';
import type { WorkflowEngine } from '../shared/ports/workflow';
import { localAwsConfig } from './dynamodb';

/** The ports over the one table, on a given client (tests pass one that fails or races on purpose). */
export function tablePorts(db: DynamoDBDocumentClient, tableName: string, clock: Clock): TablePorts & Pick<Deps, 'readiness'> {
  return { ...dynamoPorts(db, tableName, clock), readiness: new DynamoTableReadiness(db, tableName) };
}

/**
 * The Step Functions adapter against the local service, each workflow id resolved to its synthesized ARN.
 * Ids match in any case (`period` is `Period`), as with the environment variables in AWS.
 */
export function localWorkflow(endpoint: string, stateMachines: ReadonlyArray<{ id: string; arn: string }>): WorkflowEngine {
  const arns = new Map(stateMachines.map((machine) => [machine.id.toLowerCase(), machine.arn]));
  return new StepFunctionsEngine(new SFNClient({ ...localAwsConfig, endpoint, maxAttempts: 4 }), (workflow) => {
    const arn = arns.get(workflow.toLowerCase());
    if (!arn) throw new Error(`No state machine ${workflow} in the local stack`);
    return arn;
  });
}

export function localDeps(adapters: {
  db: DynamoDBDocumentClient;
  tableName: string;
  clock: Clock;
  notifier: Notifier;
  scheduler: Scheduler;
  workflow: WorkflowEngine;
}): Deps {
  const { db, tableName, ...rest } = adapters;
  // Locally the people are a user store in the table (in AWS, Cognito: shared/composition/cloud.ts), and a Kolada
  // fetch is refused (no internet: 503 saying to paste or upload), never faked.
  return {
    ...tablePorts(db, tableName, adapters.clock),
    people: new DynamoPeopleDirectory(db, tableName),
    kolada: new OfflineKoladaSource(),
    workbooks: new ExcelWorkbookReader(),
    ...rest,
  };
}
