import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { App, Tags } from 'aws-cdk-lib';
import { allFunctions, type FunctionSpec } from '../functions/manifest';
import { tableDefinition } from '../shared/adapters/dynamo/tableDefinition';
import { ApiStack } from './apiStack';
import { DataStack, scheduleGroupName } from './dataStack';
import { cityIdentityProviderFrom } from './identityProvider';
import { addNagChecks } from './nag';
import { requireProductionContext, stageFrom } from './stage';
import { WebAclStack } from './webAcl';
import { workflowModules, type WorkflowModule } from './workflows';

export interface BuildAppOptions {
  /** Overrides context `stage` (default `dev`). */
  stage?: string;
  /** Synthesize without running esbuild: fast, for tests and the local stack; the result is not deployable. */
  skipBundling?: boolean;
  outdir?: string;
  /**
   * Extra context, as `-c key=value` would give: `authDomainPrefix`, `webOrigin`, `mailFrom`, `alarmEmail`, `webAclArn`,
   * `webDomainName` + `webCertificateArn`, and `account` + `region` (pins every stack to that environment
   * and adds the us-east-1 web ACL stack).
   */
  context?: Record<string, unknown>;
  /** Workflows to deploy; defaults to the registry in infra/workflows.ts. */
  workflows?: WorkflowModule[];
  /** Functions to deploy; defaults to the manifest (tests use others to exercise the wiring). */
  functions?: FunctionSpec[];
  /**
   * CDK's built-in CloudFormation validation (default on). The local stack turns it off: it costs
   * over a second per cold synth and checks nothing the local stack runs.
   */
  validate?: boolean;
  /** Run the cdk-nag AWS Solutions checks during synthesis (the `cdk synth` entry point does). */
  nag?: boolean;
  /** The built web app to deploy; defaults to web/dist (tests). */
  webDist?: string;
}

function contextString(app: App, key: string): string | undefined {
  const value: unknown = app.node.tryGetContext(key);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The Årshjul CDK app:
 * - `Arshjul-<stage>-Data` (stateful): table, key, user pool, schedule group;
 * - `Arshjul-<stage>-Api` (stateless): functions, HTTP API, workflows, scheduler role and DLQ, SES
 *   templates, and the web front door (bucket, CloudFront, the web app's Cognito client);
 * - `Arshjul-<stage>-WebAcl`, only when the environment is known (contexts `account` and `region`) and no
 *   `webAclArn` is given: the WAF web ACL, pinned to us-east-1 (CloudFront's web ACLs live there), read by
 *   the API stack through CDK's cross-region references.
 * Without `account`/`region` the stacks are environment-agnostic, so synth needs no AWS credentials.
 */
export function buildApp(options: BuildAppOptions = {}) {
  const context: Record<string, unknown> = {
    // S3 server access logs are delivered by bucket policy (not the legacy ACL) to the log bucket.
    '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true,
    ...options.context,
  };
  if (options.stage) context.stage = options.stage;
  // The CDK's own switch: no stack is bundled, assets point at the source instead.
  if (options.skipBundling) context['aws:cdk:bundling-stacks'] = [];
  const validate = options.validate ?? true;
  const app = new App({ outdir: options.outdir, context, builtinCloudFormationValidation: validate, treeMetadata: validate });

  const stage = stageFrom(contextString(app, 'stage') ?? 'dev');
  const prefix = `Arshjul-${stage.name}`;
  const account = contextString(app, 'account');
  const region = contextString(app, 'region');
  if (Boolean(account) !== Boolean(region)) throw new Error('Give both contexts "account" and "region", or neither');
  const env = account && region ? { account, region } : undefined;
  const webDomainName = contextString(app, 'webDomainName');
  const webCertificateArn = contextString(app, 'webCertificateArn');
  if (Boolean(webDomainName) !== Boolean(webCertificateArn)) throw new Error('Give both contexts "webDomainName" and "webCertificateArn" (us-east-1), or neither');
  const authDomainPrefix = contextString(app, 'authDomainPrefix') ?? `arshjul-${stage.name}`;
  const mailFrom = contextString(app, 'mailFrom');
  const alarmEmail = contextString(app, 'alarmEmail');
  requireProductionContext(stage, { mailFrom, alarmEmail });
  const identityProvider = cityIdentityProviderFrom((key) => app.node.tryGetContext(key));

  const dataStack = new DataStack(app, `${prefix}-Data`, {
    description: `Årshjul ${stage.name}: table, encryption key, user pool and schedule group (stateful)`,
    env,
    stage,
    tableDefinition,
    authDomainPrefix,
    identityProvider,
    terminationProtection: !stage.disposable,
  });

  let webAclArn = contextString(app, 'webAclArn');
  let webAclStack: WebAclStack | undefined;
  if (!webAclArn && env) {
    webAclStack = new WebAclStack(app, `${prefix}-WebAcl`, {
      description: `Årshjul ${stage.name}: WAF web ACL of the CloudFront distribution (us-east-1)`,
      env: { account: env.account, region: 'us-east-1' },
      stage,
      crossRegionReferences: true,
      terminationProtection: !stage.disposable,
    });
    webAclArn = webAclStack.webAclArn;
  }

  const apiStack = new ApiStack(app, `${prefix}-Api`, {
    description: `Årshjul ${stage.name}: functions, HTTP API, workflows and the web front door (stateless)`,
    env,
    crossRegionReferences: Boolean(webAclStack),
    stage,
    table: dataStack.table,
    tableKey: dataStack.tableKey,
    tableIndexNames: tableDefinition.globalSecondaryIndexes.map((index) => index.indexName),
    userPool: dataStack.auth.userPool,
    authDomainPrefix,
    scheduleGroupName: scheduleGroupName(stage),
    functions: options.functions ?? allFunctions,
    workflows: options.workflows ?? workflowModules,
    mailFrom,
    alarmEmail,
    identityProviderName: identityProvider?.name,
    webOrigin: contextString(app, 'webOrigin') ?? (webDomainName ? `https://${webDomainName}` : undefined),
    webAclArn,
    webDomain: webDomainName && webCertificateArn ? { domainName: webDomainName, certificateArn: webCertificateArn } : undefined,
    webDist: options.webDist,
  });
  apiStack.addStackDependency(dataStack);
  if (webAclStack) apiStack.addStackDependency(webAclStack);

  Tags.of(app).add('app', 'arshjul');
  Tags.of(app).add('stage', stage.name);
  if (options.nag) addNagChecks(app);
  return { app, dataStack, apiStack, webAclStack };
}

// `cdk synth` runs this file (cdk.json); importing it from tests or the local stack must not synthesize.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  buildApp({ nag: true }).app.synth();
}
