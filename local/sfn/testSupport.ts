import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeExecutionCommand, SFNClient } from '@aws-sdk/client-sfn';
import { startLocalSfn, type LocalSfn, type LocalStateMachine } from './service';

/** Test helpers for the local Step Functions: a movable clock, recorded Lambdas, an SDK client. */

export const REGION = 'eu-north-1';
export const ACCOUNT = '000000000000';

export const functionArn = (name: string) => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`;
export const stateMachineArn = (name: string) => `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:${name}`;

export function machine(name: string, definition: Record<string, unknown>): LocalStateMachine {
  return { arn: stateMachineArn(name), name, definition };
}

export class FakeClock {
  private ms = Date.parse('2030-01-07T08:00:00.000Z');
  now(): Date {
    return new Date(this.ms);
  }
  advanceSeconds(seconds: number): void {
    this.ms += seconds * 1000;
  }
}

export interface Invocation {
  functionArn: string;
  payload: Record<string, unknown>;
}

/** Lambda handlers by function name; every call is recorded. */
export class FakeLambdas {
  readonly calls: Invocation[] = [];
  constructor(private readonly handlers: Record<string, (payload: Record<string, unknown>, call: number) => unknown> = {}) {}

  invoke = async (arn: string, payload: unknown): Promise<unknown> => {
    const name = arn.split(':function:')[1]!;
    this.calls.push({ functionArn: arn, payload: payload as Record<string, unknown> });
    const handler = this.handlers[name];
    if (!handler) return { ok: true };
    const call = this.calls.filter((invocation) => invocation.functionArn === arn).length;
    return handler(payload as Record<string, unknown>, call);
  };

  callsTo(name: string): Invocation[] {
    return this.calls.filter((call) => call.functionArn === functionArn(name));
  }
}

export function namedError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

export function newTableName(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export function dynamoClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ region: REGION, endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
}

export function sfnClient(service: LocalSfn): SFNClient {
  return new SFNClient({ region: REGION, endpoint: service.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 });
}

export async function startService(options: {
  dynamo: DynamoDBClient;
  tableName: string;
  clock: FakeClock;
  lambdas: FakeLambdas;
  stateMachines: LocalStateMachine[];
  logs?: Record<string, unknown>[];
}): Promise<LocalSfn> {
  return startLocalSfn({
    dynamo: options.dynamo,
    tableName: options.tableName,
    clock: options.clock,
    stateMachines: options.stateMachines,
    invokeLambda: options.lambdas.invoke,
    log: options.logs ? (entry) => options.logs!.push(entry) : undefined,
  });
}

export async function describeExecution(client: SFNClient, executionArn: string) {
  return client.send(new DescribeExecutionCommand({ executionArn }));
}
