import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { logicalIdWithMetadata, resourcesOf, synthTemplates } from './testing';
import { WORKFLOW_ID_METADATA } from './workflows';

const { api } = synthTemplates({ stage: 'dev' });
const reviewDefinition = () => {
  const id = logicalIdWithMetadata(api, 'AWS::StepFunctions::StateMachine', WORKFLOW_ID_METADATA, 'Review');
  const body = resourcesOf(api, 'AWS::StepFunctions::StateMachine')[id].Properties.DefinitionString;
  // `Fn::Join` of literal parts and function ARNs: the literal parts are enough to read the retriers.
  return JSON.parse((body['Fn::Join'][1] as unknown[]).map((part) => (typeof part === 'string' ? part : 'ARN')).join('')) as {
    States: Record<string, { Retry?: Array<{ ErrorEquals: string[]; MaxAttempts?: number }> }>;
  };
};

describe('review workflow: retries and stopped executions', () => {
  it('retries throttling on both callback tasks', () => {
    const states = reviewDefinition().States;
    for (const name of ['AwaitReview', 'AwaitResubmission']) {
      const errors = (states[name].Retry ?? []).flatMap((retry) => retry.ErrorEquals);
      expect(errors, name).toContain('Lambda.TooManyRequestsException');
    }
  });

  it('lets no plain task retry InvalidTaskInput: a retrier with no attempts takes it first', () => {
    const states = reviewDefinition().States;
    for (const name of ['RunChecks', 'NotifyApproved', 'NotifyReturned', 'ContinueReview', 'RecordFailure']) {
      const retry = states[name].Retry!;
      expect(retry[0], name).toEqual({ ErrorEquals: ['InvalidTaskInput'], MaxAttempts: 0 });
      expect(retry[1].ErrorEquals, name).toContain('States.TaskFailed');
    }
  });

  it('sends failed, timed-out and aborted Review executions to RecordStoppedExecution, with retries and a dead-letter queue', () => {
    const recorder = logicalIdWithMetadata(api, 'AWS::Lambda::Function', 'arshjul:id', 'RecordStoppedExecution');
    api.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['aws.states'],
        'detail-type': ['Step Functions Execution Status Change'],
        detail: { status: ['FAILED', 'TIMED_OUT', 'ABORTED'], stateMachineArn: [Match.anyValue()] },
      },
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [recorder, 'Arn'] },
          RetryPolicy: { MaximumRetryAttempts: 8, MaximumEventAgeInSeconds: 86400 },
          DeadLetterConfig: { Arn: Match.anyValue() },
        }),
      ],
    });
    api.hasResourceProperties('AWS::Lambda::Permission', { FunctionName: { 'Fn::GetAtt': [recorder, 'Arn'] }, Principal: 'events.amazonaws.com' });
  });

  it('lets ContinueReview start Review executions', () => {
    const fnId = logicalIdWithMetadata(api, 'AWS::Lambda::Function', 'arshjul:id', 'ContinueReview');
    const env = resourcesOf(api, 'AWS::Lambda::Function')[fnId].Properties.Environment.Variables;
    expect(env.STATE_MACHINE_ARN_REVIEW).toBeDefined();
  });
});
