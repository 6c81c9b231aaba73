import type { PreTokenGenerationTriggerEvent } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { CITY_GROUP_ROLES_ENV } from '../../shared/features/identity/cityGroups';

let handler: (event: PreTokenGenerationTriggerEvent) => Promise<PreTokenGenerationTriggerEvent>;

const event = (userAttributes: Record<string, string>): PreTokenGenerationTriggerEvent =>
  ({
    version: '1',
    triggerSource: 'TokenGeneration_HostedAuth',
    region: 'eu-north-1',
    userPoolId: 'eu-north-1_test',
    userName: 'EntraID_erik',
    callerContext: { awsSdkVersion: '1', clientId: 'client' },
    request: { userAttributes, groupConfiguration: { groupsToOverride: [], iamRolesToOverride: [] } },
    response: { claimsOverrideDetails: {} },
  }) as PreTokenGenerationTriggerEvent;

describe('the pre-token-generation trigger', () => {
  beforeAll(async () => {
    process.env[CITY_GROUP_ROLES_ENV] = JSON.stringify({ 'g-bromma': { role: 'editor', boards: ['bromma'] }, 'g-review': { role: 'reviewer' } });
    ({ handler } = await import('./preTokenGeneration'));
  });

  it("gives a city user the mapped role and boards, replacing whatever the pool had, and drops the raw groups claim", async () => {
    const out = await handler(event({ sub: 's', 'custom:idp_groups': '["g-bromma","g-other"]', 'custom:boards': 'farsta,kultur' }));
    expect(out.response.claimsOverrideDetails).toEqual({
      claimsToAddOrOverride: { 'custom:boards': 'bromma' },
      claimsToSuppress: ['custom:idp_groups'],
      groupOverrideDetails: { groupsToOverride: ['editor'] },
    });
  });

  it('gives a city user in no mapped group no role at all', async () => {
    const out = await handler(event({ sub: 's', 'custom:idp_groups': '[g-other]' }));
    expect(out.response.claimsOverrideDetails.groupOverrideDetails).toEqual({ groupsToOverride: [] });
    expect(out.response.claimsOverrideDetails.claimsToAddOrOverride).toEqual({ 'custom:boards': '' });
  });

  it("leaves the pool's own users as they are", async () => {
    const out = await handler(event({ sub: 's', 'custom:boards': 'bromma' }));
    expect(out.response.claimsOverrideDetails).toEqual({});
  });
});
