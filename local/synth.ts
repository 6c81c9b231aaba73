import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp } from '../infra/app';
import { ENTRY_METADATA, ID_METADATA } from '../infra/functions';
import { WORKFLOW_ID_METADATA, type WorkflowModule } from '../infra/workflows';

/** The fake environment every local ARN lives in. */
export const LOCAL_REGION = 'eu-north-1';
export const LOCAL_ACCOUNT = '000000000000';

export const localFunctionArn = (id: string) => `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:${id}`;
export const localStateMachineArn = (id: string) => `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:stateMachine:${id}`;

export interface LocalFunction {
  logicalId: string;
  /** Manifest id (`GetHealth`). */
  id: string;
  /** Handler module relative to the repository root. */
  entry: string;
  arn: string;
}

export interface LocalStateMachine {
  /** Workflow id (`Review`). */
  id: string;
  /** Local name; the last part of `arn`. */
  name: string;
  arn: string;
  /** Amazon States Language, every token replaced with a local value. */
  definition: Record<string, unknown>;
}

export interface LocalTableShape {
  keySchema: Array<{ AttributeName: string; KeyType: 'HASH' | 'RANGE' }>;
  attributeDefinitions: Array<{ AttributeName: string; AttributeType: string }>;
  gsis: Array<{ indexName: string; keySchema: Array<{ AttributeName: string; KeyType: 'HASH' | 'RANGE' }>; projectionType: string }>;
  ttlAttribute: string | undefined;
}

export interface SynthesizedForLocal {
  functions: LocalFunction[];
  stateMachines: LocalStateMachine[];
  table: LocalTableShape;
  /** How long the in-process synth took, in milliseconds. */
  synthMs: number;
}

export interface SynthesizeForLocalOptions {
  /** The local table's name; needed only if a state machine uses the table directly. */
  tableName?: string;
  /** Workflows to synthesize instead of the registry (tests). */
  workflows?: WorkflowModule[];
}

type CfnResource = { Type: string; Properties?: Record<string, any>; Metadata?: Record<string, unknown> };
type CfnTemplate = { Resources?: Record<string, CfnResource>; Outputs?: Record<string, { Value: unknown; Export?: { Name: unknown } }> };

/**
 * Synthesizes the real CDK app in process, without bundling, and turns the API stack into what the
 * local stack runs: the functions (by manifest id) and the state machines' ASL with local ARNs.
 * Anything in a definition that cannot be resolved locally is an error, never a silent placeholder.
 */
export async function synthesizeForLocal(options: SynthesizeForLocalOptions = {}): Promise<SynthesizedForLocal> {
  const started = performance.now();
  const outdir = mkdtempSync(path.join(tmpdir(), 'arshjul-synth-'));
  try {
    const { app, dataStack, apiStack } = buildApp({ skipBundling: true, validate: false, outdir, workflows: options.workflows });
    const assembly = app.synth();
    const apiTemplate = assembly.getStackArtifact(apiStack.artifactId).template as CfnTemplate;
    const dataTemplate = assembly.getStackArtifact(dataStack.artifactId).template as CfnTemplate;
    const apiResources = apiTemplate.Resources ?? {};
    const dataResources = dataTemplate.Resources ?? {};

    const functions: LocalFunction[] = [];
    for (const [logicalId, resource] of Object.entries(apiResources)) {
      if (resource.Type !== 'AWS::Lambda::Function' || !resource.Metadata?.[ENTRY_METADATA]) continue;
      const id = String(resource.Metadata[ID_METADATA]);
      functions.push({ logicalId, id, entry: String(resource.Metadata[ENTRY_METADATA]), arn: localFunctionArn(id) });
    }
    const functionsByLogicalId = new Map(functions.map((fn) => [fn.logicalId, fn]));

    const machines = Object.entries(apiResources).filter(([, resource]) => resource.Type === 'AWS::StepFunctions::StateMachine');
    const machineIdByLogicalId = new Map<string, string>();
    for (const [logicalId, resource] of machines) {
      const id = resource.Metadata?.[WORKFLOW_ID_METADATA];
      if (typeof id !== 'string') throw new Error(`State machine ${logicalId} has no ${WORKFLOW_ID_METADATA} metadata`);
      machineIdByLogicalId.set(logicalId, id);
    }

    // The data stack's exports, by export name, so `Fn::ImportValue` can be traced back to a resource.
    const exports = new Map<string, unknown>();
    for (const output of Object.values(dataTemplate.Outputs ?? {})) {
      if (typeof output.Export?.Name === 'string') exports.set(output.Export.Name, output.Value);
    }
    const tableLogicalId = Object.entries(dataResources).find(([, r]) => r.Type === 'AWS::DynamoDB::Table')?.[0];

    const stateMachines: LocalStateMachine[] = machines.map(([logicalId, resource]) => {
      const id = machineIdByLogicalId.get(logicalId)!;
      const where = `state machine ${id} (${logicalId})`;
      const resolve = (value: unknown): string => {
        if (typeof value === 'string') return value;
        if (value && typeof value === 'object' && !Array.isArray(value)) {
          const entries = Object.entries(value as Record<string, unknown>);
          if (entries.length === 1) {
            const [intrinsic, arg] = entries[0];
            if (intrinsic === 'Fn::Join' && Array.isArray(arg) && typeof arg[0] === 'string' && Array.isArray(arg[1])) {
              return arg[1].map(resolve).join(arg[0]);
            }
            if (intrinsic === 'Ref' && typeof arg === 'string') {
              const pseudo = { 'AWS::Partition': 'aws', 'AWS::Region': LOCAL_REGION, 'AWS::AccountId': LOCAL_ACCOUNT, 'AWS::URLSuffix': 'amazonaws.com' }[arg];
              if (pseudo) return pseudo;
              // A Lambda function's Ref is its name; locally the name is the manifest id.
              const target = functionsByLogicalId.get(arg);
              if (target) return target.id;
              const machine = machineIdByLogicalId.get(arg);
              if (machine) return localStateMachineArn(machine);
            }
            if (intrinsic === 'Fn::GetAtt' && Array.isArray(arg) && arg[1] === 'Arn') {
              const target = functionsByLogicalId.get(String(arg[0]));
              if (target) return target.arn;
              const machine = machineIdByLogicalId.get(String(arg[0]));
              if (machine) return localStateMachineArn(machine);
            }
            if (intrinsic === 'Fn::ImportValue' && typeof arg === 'string' && exports.has(arg)) {
              const exported = exports.get(arg) as Record<string, unknown>;
              if (tableLogicalId && JSON.stringify(exported) === JSON.stringify({ Ref: tableLogicalId })) {
                if (!options.tableName) throw new Error(`${where} uses the table: pass synthesizeForLocal({ tableName })`);
                return options.tableName;
              }
            }
          }
        }
        throw new Error(`Cannot resolve ${JSON.stringify(value)} in ${where} for the local stack`);
      };

      const properties = resource.Properties ?? {};
      let text = resolve(properties.DefinitionString);
      const substitutions = (properties.DefinitionSubstitutions ?? {}) as Record<string, unknown>;
      for (const [key, value] of Object.entries(substitutions)) text = text.split(`\${${key}}`).join(resolve(value));
      let definition: Record<string, unknown>;
      try {
        definition = JSON.parse(text) as Record<string, unknown>;
      } catch (error) {
        throw new Error(`The resolved definition of ${where} is not JSON: ${(error as Error).message}`);
      }
      return { id, name: id, arn: localStateMachineArn(id), definition };
    });

    const table = tableLogicalId ? dataResources[tableLogicalId].Properties ?? {} : undefined;
    if (!table) throw new Error('The data stack has no AWS::DynamoDB::Table');
    return {
      functions,
      stateMachines,
      table: {
        keySchema: table.KeySchema,
        attributeDefinitions: table.AttributeDefinitions,
        gsis: (table.GlobalSecondaryIndexes ?? []).map((index: any) => ({
          indexName: index.IndexName,
          keySchema: index.KeySchema,
          projectionType: index.Projection?.ProjectionType,
        })),
        ttlAttribute: table.TimeToLiveSpecification?.Enabled ? table.TimeToLiveSpecification.AttributeName : undefined,
      },
      synthMs: Math.round(performance.now() - started),
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
