import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { App, Tags } from 'aws-cdk-lib';
import { allFunctions, type FunctionSpec } from '../functions/manifest';
import { tableDefinition } from '../shared/adapters/dynamo/tableDefinition';
import { ApiStack } from './apiStack';
import { DataStack } from './dataStack';
import { stageFrom } from './stage';
import { workflowModules, type WorkflowModule } from './workflows';

export interface BuildAppOptions {
  /** Overrides context `stage` (default `dev`). */
  stage?: string;
  /** Synthesize without running esbuild: fast, for tests and the local stack; the result is not deployable. */
  skipBundling?: boolean;
  outdir?: string;
  /** Extra context, as `-c key=value` would give (`authDomainPrefix`, `webOrigin`, `mailFrom`). */
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
}

function contextString(app: App, key: string): string | undefined {
  const value: unknown = app.node.tryGetContext(key);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The Årshjul CDK app: `Arshjul-<stage>-Data` (table, key, user pool) and `Arshjul-<stage>-Api`
 * (functions, HTTP API, workflows). Stacks are environment-agnostic, so synth needs no AWS credentials.
 */
export function buildApp(options: BuildAppOptions = {}) {
  const context: Record<string, unknown> = { ...options.context };
  if (options.stage) context.stage = options.stage;
  // The CDK's own switch: no stack is bundled, assets point at the source instead.
  if (options.skipBundling) context['aws:cdk:bundling-stacks'] = [];
  const validate = options.validate ?? true;
  const app = new App({ outdir: options.outdir, context, builtinCloudFormationValidation: validate, treeMetadata: validate });

  const stage = stageFrom(contextString(app, 'stage') ?? 'dev');
  const bundlingStacks: unknown = app.node.tryGetContext('aws:cdk:bundling-stacks');
  const bundlingSkipped = Array.isArray(bundlingStacks) && bundlingStacks.length === 0;
  const prefix = `Arshjul-${stage.name}`;

  const dataStack = new DataStack(app, `${prefix}-Data`, {
    description: `Årshjul ${stage.name}: table, encryption key and user pool (stateful)`,
    stage,
    tableDefinition,
    authDomainPrefix: contextString(app, 'authDomainPrefix') ?? `arshjul-${stage.name}`,
    webOrigin: contextString(app, 'webOrigin'),
    terminationProtection: !stage.disposable,
  });

  const apiStack = new ApiStack(app, `${prefix}-Api`, {
    description: `Årshjul ${stage.name}: functions, HTTP API and workflows (stateless)`,
    stage,
    table: dataStack.table,
    userPool: dataStack.auth.userPool,
    webClient: dataStack.auth.webClient,
    functions: options.functions ?? allFunctions,
    workflows: options.workflows ?? workflowModules,
    bundlingSkipped,
    mailFrom: contextString(app, 'mailFrom'),
  });
  apiStack.addStackDependency(dataStack);

  Tags.of(app).add('app', 'arshjul');
  Tags.of(app).add('stage', stage.name);
  return { app, dataStack, apiStack };
}

// `cdk synth` runs this file (cdk.json); importing it from tests or the local stack must not synthesize.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  buildApp().app.synth();
}
