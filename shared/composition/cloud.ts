/**
 * The composition root in AWS: each port built from the function's environment, once per cold start.
 * Every adapter a Lambda may be given is constructed here and nowhere else. Each builder is its own
 * export, so a handler that uses the table only bundles no SES, Scheduler or Step Functions client.
 *
 * A handler module asks for what it uses, when its first event arrives:
 * `export const handler = onColdStart(() => makeHandler({ cycles: cycles(), clock: clock() }))`.
 */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoBoardRepository } from '../adapters/dynamo/boardRepository';
import { DynamoCycleRepository } from '../adapters/dynamo/cycleRepository';
import { DynamoAuditLog } from '../adapters/dynamo/auditLog';
import { DynamoDocumentStore } from '../adapters/dynamo/documentStore';
import { DynamoIdempotencyStore } from '../adapters/dynamo/idempotencyStore';
import { DynamoReviewQueue } from '../adapters/dynamo/reviewQueue';
import { DynamoTaskTokens } from '../adapters/dynamo/taskTokens';
import { DynamoWorkflowOutbox } from '../adapters/dynamo/workflowOutbox';
import { DynamoSentMessages } from '../adapters/dynamo/sentMessages';
import { DynamoTableReadiness } from '../adapters/dynamo/tableReadiness';
import { DynamoPeopleAudit } from '../adapters/dynamo/people';
import { CognitoPeopleDirectory } from '../adapters/cognito/peopleDirectory';
import { EventBridgeScheduler } from '../adapters/scheduler/eventBridgeScheduler';
import { SesNotifier } from '../adapters/ses/sesNotifier';
import { StepFunctionsEngine } from '../adapters/sfn/stepFunctionsEngine';
import { HttpKoladaSource } from '../adapters/kolada/httpKoladaSource';
import { ExcelWorkbookReader } from '../adapters/exceljs/excelWorkbookReader';
import { systemClock, type Clock } from '../ports/clock';
import type { Deps } from './deps';
import { requiredEnv, stateMachineArnEnvVar, USER_POOL_ID_ENV } from './environment';

let db: DynamoDBDocumentClient | undefined;

/** The one document client of the function; the table is `TABLE_NAME`. */
function table(): { db: DynamoDBDocumentClient; name: string } {
  db ??= DynamoDBDocumentClient.from(new DynamoDBClient({ maxAttempts: 4 }), { marshallOptions: { removeUndefinedValues: true } });
  return { db, name: requiredEnv('TABLE_NAME') };
}

const stateMachineArn = (workflow: string) => requiredEnv(stateMachineArnEnvVar(workflow));

export const clock = (): Clock => systemClock;

export function boards(): Deps['boards'] {
  const { db, name } = table();
  return new DynamoBoardRepository(db, name);
}

export function cycles(): Deps['cycles'] {
  const { db, name } = table();
  return new DynamoCycleRepository(db, name);
}

export function documents(): Deps['documents'] {
  const { db, name } = table();
  return new DynamoDocumentStore(db, name, clock());
}

export function history(): Deps['history'] {
  const { db, name } = table();
  return new DynamoAuditLog(db, name);
}

export function queue(): Deps['queue'] {
  const { db, name } = table();
  return new DynamoReviewQueue(db, name);
}

export function idempotency(): Deps['idempotency'] {
  const { db, name } = table();
  return new DynamoIdempotencyStore(db, name, clock());
}

export function tokens(): Deps['tokens'] {
  const { db, name } = table();
  return new DynamoTaskTokens(db, name);
}

export function outbox(): Deps['outbox'] {
  const { db, name } = table();
  return new DynamoWorkflowOutbox(db, name);
}

export function sentMessages(): Deps['sent'] {
  const { db, name } = table();
  return new DynamoSentMessages(db, name);
}

export function readiness(): Deps['readiness'] {
  const { db, name } = table();
  return new DynamoTableReadiness(db, name);
}

export function notifier(env: NodeJS.ProcessEnv = process.env): Deps['notifier'] {
  return new SesNotifier(new SESv2Client({}), {
    fromAddress: env.MAIL_FROM ?? 'no-reply@arshjul.example',
    templatePrefix: env.MAIL_TEMPLATE_PREFIX,
    configurationSet: env.MAIL_CONFIGURATION_SET,
  });
}

export function scheduler(env: NodeJS.ProcessEnv = process.env): Deps['scheduler'] {
  return new EventBridgeScheduler(new SchedulerClient({}), {
    groupName: env.SCHEDULE_GROUP ?? 'default',
    roleArn: requiredEnv('SCHEDULER_ROLE_ARN', env),
    deadLetterArn: env.SCHEDULER_DLQ_ARN,
    stateMachineArn,
  });
}

export function workflow(): Deps['workflow'] {
  return new StepFunctionsEngine(new SFNClient({ maxAttempts: 4 }), stateMachineArn);
}

/** The people in the Cognito user pool `USER_POOL_ID`; their audit events in the table, after Cognito accepted each change. */
export function people(env: NodeJS.ProcessEnv = process.env): Deps['people'] {
  const { db, name } = table();
  return new CognitoPeopleDirectory(new CognitoIdentityProviderClient({ maxAttempts: 4 }), requiredEnv(USER_POOL_ID_ENV, env), new DynamoPeopleAudit(db, name));
}

export function kolada(env: NodeJS.ProcessEnv = process.env): Deps['kolada'] {
  return new HttpKoladaSource({ baseUrl: env.KOLADA_BASE_URL });
}

export function workbooks(): Deps['workbooks'] {
  return new ExcelWorkbookReader();
}
