import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { describe, expect, it } from 'vitest';
import { allFunctions } from '../functions/manifest';
import { probeWorkflow } from '../infra/fixtures/probeWorkflow';
import { stateMachineArnEnvVar, workflowModules, type WorkflowModule } from '../infra/workflows';
import { tableDefinition } from '../shared/adapters/dynamo/tableDefinition';
import { localFunctionArn, localStateMachineArn, synthesizeForLocal } from './synth';

describe('synthesizeForLocal', () => {
  it('lists every manifest function with its entry and a local ARN, and the table shape', async () => {
    const result = await synthesizeForLocal();
    expect(result.functions.map(({ id, entry }) => ({ id, entry })).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      allFunctions.map(({ id, entry }) => ({ id, entry })).sort((a, b) => a.id.localeCompare(b.id)),
    );
    for (const fn of result.functions) {
      expect(fn.arn).toBe(`arn:aws:lambda:eu-north-1:000000000000:function:${fn.id}`);
      expect(fn.logicalId).toMatch(new RegExp(`^${fn.id}[0-9A-F]{8}$`));
    }
    expect(result.stateMachines.map((machine) => machine.id)).toEqual(workflowModules.map((module) => module.id));
    const knownArns = new Set(result.functions.map((fn) => fn.arn));
    for (const machine of result.stateMachines) {
      expect(machine.arn).toBe(localStateMachineArn(machine.id));
      const text = JSON.stringify(machine.definition);
      expect(text).not.toMatch(/Fn::|"Ref"|\$\{Token/);
      // Every function a state machine calls is one the local stack has a handler for.
      for (const arn of text.match(/arn:aws:lambda:[^"]+/g) ?? []) expect(knownArns).toContain(arn);
    }
    expect(result.table.keySchema).toEqual([
      { AttributeName: tableDefinition.partitionKey.name, KeyType: 'HASH' },
      { AttributeName: tableDefinition.sortKey.name, KeyType: 'RANGE' },
    ]);
    expect(result.table.gsis.map((index) => index.indexName)).toEqual(tableDefinition.globalSecondaryIndexes.map((index) => index.indexName));
    expect(result.table.ttlAttribute).toBe(tableDefinition.timeToLiveAttribute);
    // Measured, not assumed: bundling is skipped, so this stays in the low seconds even on a cold start.
    expect(result.synthMs).toBeLessThan(15_000);
  });

  it('turns a state machine definition into plain ASL with local ARNs', async () => {
    const result = await synthesizeForLocal({ workflows: [probeWorkflow], tableName: 'arshjul-local' });
    expect(result.stateMachines).toHaveLength(1);
    const [machine] = result.stateMachines;
    expect(machine).toMatchObject({ id: 'Probe', name: 'Probe', arn: localStateMachineArn('Probe') });
    expect(machine.arn).toBe('arn:aws:states:eu-north-1:000000000000:stateMachine:Probe');

    const states = machine.definition.States as Record<string, any>;
    expect(machine.definition.StartAt).toBe('ProbeCheck');
    // payloadResponseOnly: the function ARN is the Resource itself.
    expect(states.ProbeCheck.Resource).toBe(localFunctionArn('GetHealth'));
    // Callback pattern: the service integration ARN, the function in the parameters.
    expect(states.ProbeWaitForDecision.Resource).toBe('arn:aws:states:::lambda:invoke.waitForTaskToken');
    expect(states.ProbeWaitForDecision.Parameters.FunctionName).toBe(localFunctionArn('ListBoards'));
    expect(states.ProbeWaitForDecision.Parameters.Payload).toEqual({ 'taskToken.$': '$$.Task.Token' });
    // Direct DynamoDB task: the table's export resolves to the local table name.
    expect(states.ProbeRead.Resource).toBe('arn:aws:states:::dynamodb:getItem');
    expect(states.ProbeRead.Parameters.TableName).toBe('arshjul-local');
    expect(JSON.stringify(machine.definition)).not.toMatch(/Fn::|"Ref"|\$\{Token/);
  });

  it('asks for the table name when a definition uses the table', async () => {
    await expect(synthesizeForLocal({ workflows: [probeWorkflow] })).rejects.toThrow(/tableName/);
  });

  it('fails loudly on a token it cannot resolve locally', async () => {
    // A definition that names another resource of the stack (here a log group) cannot run locally.
    const unresolvable: WorkflowModule = {
      id: 'Odd',
      envVar: stateMachineArnEnvVar('Odd'),
      define(scope) {
        const group = new logs.LogGroup(scope, 'OddGroup');
        return new tasks.CallAwsService(scope, 'OddCall', {
          service: 'cloudwatchlogs',
          action: 'describeLogStreams',
          parameters: { LogGroupName: group.logGroupName },
          iamResources: [group.logGroupArn],
        }).next(new sfn.Succeed(scope, 'OddDone'));
      },
    };
    await expect(synthesizeForLocal({ workflows: [unresolvable] })).rejects.toThrow(/Cannot resolve .*OddGroup.* in state machine Odd/);
  });
});
