import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { timeoutSecondsOf, type FunctionSpec } from '../functions/manifest';

/** The repository root: manifest entries are relative to it, and it holds the lock file esbuild runs from. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Metadata keys on each `AWS::Lambda::Function`, read back by the local stack (local/synth.ts). */
export const ENTRY_METADATA = 'arshjul:entry';
export const ID_METADATA = 'arshjul:id';

/**
 * ESM bundles have no `require`; CommonJS code that esbuild inlines still calls it for Node built-ins,
 * so the banner defines one. The alias keeps it from clashing with names in the bundle.
 */
export const esmRequireBanner =
  "import { createRequire as __arshjulCreateRequire } from 'node:module'; const require = __arshjulCreateRequire(import.meta.url);";

/** One bundling recipe for every function: the local esbuild, ESM for Node 22 on arm64, SDK v3 inside. */
export const bundling: nodejs.BundlingOptions = {
  forceDockerBundling: false,
  format: nodejs.OutputFormat.ESM,
  target: 'node22',
  // ESM entry points of the AWS SDK v3 tree-shake far better than its CommonJS builds.
  mainFields: ['module', 'main'],
  banner: esmRequireBanner,
  minify: true,
  // Error names (NotFound, InvalidTaskInput, ...) reach Step Functions as error types: keep them readable.
  keepNames: true,
  sourceMap: false,
  // Bundle the SDK instead of using the runtime's copy: pinned versions, and smaller cold starts after tree shaking.
  externalModules: [],
  logLevel: nodejs.LogLevel.WARNING,
};

export interface ArshjulFunctionOptions {
  environment: Record<string, string>;
  removalPolicy: RemovalPolicy;
}

/**
 * A `NodejsFunction` for one manifest entry, tagged with the entry so synthesized ARNs map back to handlers.
 *
 * Each function gets a role of its own without `AWSLambdaBasicExecutionRole` (which lets a function create
 * and write any log group in the account): it may write log streams of its own log group and nothing else.
 * Everything further is granted from the manifest (infra/permissions.ts).
 */
export function createFunction(scope: Construct, spec: FunctionSpec, options: ArshjulFunctionOptions): nodejs.NodejsFunction {
  const entry = path.join(repoRoot, spec.entry);
  const logGroup = new logs.LogGroup(scope, `${spec.id}Logs`, {
    retention: logs.RetentionDays.ONE_MONTH,
    removalPolicy: options.removalPolicy,
  });
  const role = new iam.Role(scope, `${spec.id}Role`, {
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    description: `Årshjul ${spec.id}: its own log group and what the manifest grants`,
  });
  logGroup.grantWrite(role);

  const fn = new nodejs.NodejsFunction(scope, spec.id, {
    description: `Årshjul ${spec.id} (${spec.entry})`,
    runtime: lambda.Runtime.NODEJS_22_X,
    architecture: lambda.Architecture.ARM_64,
    memorySize: 512,
    timeout: Duration.seconds(timeoutSecondsOf(spec)),
    logGroup,
    role,
    // X-Ray: the Powertools tracer (shared/observability/tracer.ts) adds the handler's and the SDK calls' segments.
    tracing: lambda.Tracing.ACTIVE,
    environment: options.environment,
    projectRoot: repoRoot,
    depsLockFilePath: path.join(repoRoot, 'package-lock.json'),
    entry,
    handler: 'handler',
    bundling,
  });

  const cfn = fn.node.defaultChild as lambda.CfnFunction;
  cfn.addMetadata(ENTRY_METADATA, spec.entry);
  cfn.addMetadata(ID_METADATA, spec.id);
  return fn;
}
