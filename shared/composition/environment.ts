/**
 * The environment variable carrying a state machine's ARN: `STATE_MACHINE_ARN_REVIEW` for `Review`.
 * The CDK app sets it (infra/workflows.ts) and the cloud composition root reads it; the rule lives here only.
 */
export function stateMachineArnEnvVar(workflow: string): string {
  return `STATE_MACHINE_ARN_${workflow.toUpperCase()}`;
}

/** A variable the CDK app always sets; missing means a broken deployment, so it fails loudly. */
export function requiredEnv(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const value = env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

/** The Cognito user pool the people functions manage (infra/apiStack.ts sets it on them only). */
export const USER_POOL_ID_ENV = 'USER_POOL_ID';
