import { RemovalPolicy } from 'aws-cdk-lib';

/**
 * A deployment stage (`dev`, `test`, `prod`, …). Only `dev` is disposable: every other stage keeps its
 * data when a stack or resource is removed, because a governance year's records must survive mistakes.
 */
export interface Stage {
  name: string;
  /** True only for `dev`: stateful resources are destroyed with the stack. */
  disposable: boolean;
  /** True for `prod`. */
  production: boolean;
  /** RETAIN outside `dev`, DESTROY in `dev`. */
  removalPolicy: RemovalPolicy;
}

const STAGE_NAME = /^[a-z][a-z0-9-]{0,19}$/;

export function stageFrom(name: string): Stage {
  // The stage ends up in stack names, resource names and the Cognito domain prefix, all lower-case safe.
  if (!STAGE_NAME.test(name)) {
    throw new Error(`Invalid stage "${name}": use 1–20 lower-case letters, digits or dashes, starting with a letter.`);
  }
  const disposable = name === 'dev';
  return {
    name,
    disposable,
    production: name === 'prod',
    removalPolicy: disposable ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
  };
}
