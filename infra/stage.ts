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

/**
 * Context values a production deploy cannot run without, and why. Without a sender the functions would send
 * from the placeholder `no-reply@arshjul.example`, SES refuses it and every review ends in `ReviewFailed`;
 * without an alarm address nobody hears of an alarm.
 */
export const PRODUCTION_CONTEXT: Record<string, string> = {
  mailFrom: 'the e-mail sender, an address or domain verified in SES (e.g. -c mailFrom=arshjul@stad.se)',
  alarmEmail: 'the address alarms are sent to (e.g. -c alarmEmail=drift@stad.se); confirm the SNS subscription it receives',
};

/** Refuses a production synth that lacks any of `PRODUCTION_CONTEXT`, naming each one missing; other stages may keep defaults. */
export function requireProductionContext(stage: Stage, context: Record<string, string | undefined>): void {
  if (!stage.production) return;
  const missing = Object.keys(PRODUCTION_CONTEXT).filter((key) => !context[key]);
  if (missing.length === 0) return;
  throw new Error(
    `Stage "${stage.name}" cannot be deployed without: ${missing.map((key) => `-c ${key}=… (${PRODUCTION_CONTEXT[key]})`).join('; ')}.`,
  );
}
