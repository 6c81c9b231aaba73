export interface StateMachineArnParts {
  partition: string;
  region: string;
  account: string;
  name: string;
}

const STATE_MACHINE_ARN = /^arn:([a-z-]+):states:([a-z0-9-]+):([^:]+):stateMachine:([^:]+)$/;
const EXECUTION_ARN = /^arn:([a-z-]+):states:([a-z0-9-]+):([^:]+):execution:([^:]+):([^:]+)$/;
const FUNCTION_ARN = /^arn:([a-z-]+):lambda:([a-z0-9-]+):([^:]+):function:([^:]+)/;
const PARTIAL_FUNCTION_ARN = /^([^:]+):function:([^:]+)/;

export function parseStateMachineArn(arn: string): StateMachineArnParts | undefined {
  const match = STATE_MACHINE_ARN.exec(arn);
  return match ? { partition: match[1]!, region: match[2]!, account: match[3]!, name: match[4]! } : undefined;
}

export function executionArnFor(stateMachineArn: string, name: string): string {
  const parts = parseStateMachineArn(stateMachineArn);
  if (!parts) throw new Error(`Not a state machine ARN: ${stateMachineArn}`);
  return `arn:${parts.partition}:states:${parts.region}:${parts.account}:execution:${parts.name}:${name}`;
}

/** The state machine ARN and execution name an execution ARN encodes. */
export function parseExecutionArn(arn: string): { stateMachineArn: string; name: string } | undefined {
  const match = EXECUTION_ARN.exec(arn);
  if (!match) return undefined;
  const [, partition, region, account, machine, name] = match;
  return { stateMachineArn: `arn:${partition}:states:${region}:${account}:stateMachine:${machine}`, name: name! };
}

/**
 * Local functions are unversioned, so a qualifier (`:$LATEST`, an alias) is dropped; a bare name or
 * partial ARN is completed with the state machine's own region and account, as Lambda would.
 */
export function resolveFunctionArn(functionName: string, machine: StateMachineArnParts): string {
  const full = FUNCTION_ARN.exec(functionName);
  if (full) return `arn:${full[1]}:lambda:${full[2]}:${full[3]}:function:${full[4]}`;
  const partial = PARTIAL_FUNCTION_ARN.exec(functionName);
  const [account, name] = partial ? [partial[1]!, partial[2]!] : [machine.account, functionName.split(':')[0]!];
  return `arn:${machine.partition}:lambda:${machine.region}:${account}:function:${name}`;
}

export function isFunctionArn(resource: string): boolean {
  return FUNCTION_ARN.test(resource);
}
