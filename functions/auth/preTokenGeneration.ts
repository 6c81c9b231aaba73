import type { PreTokenGenerationTriggerEvent } from 'aws-lambda';
import { accessFromCityGroups, CITY_GROUP_ROLES_ENV, cityGroupRolesSchema, groupsOf, IDP_GROUPS_ATTRIBUTE } from '../../shared/features/identity/cityGroups';

const mapping = cityGroupRolesSchema.parse(JSON.parse(process.env[CITY_GROUP_ROLES_ENV] ?? '{}'));

/**
 * Cognito's pre-token-generation trigger (V1: the ID token the API reads). A user who signed in through the
 * city's identity provider carries its groups in `custom:idp_groups`; their role (`cognito:groups`) and
 * boards (`custom:boards`) come from the mapping alone, never from what was stored before. Users of the
 * pool itself (no such attribute) keep their Cognito groups and attributes.
 */
export const handler = async (event: PreTokenGenerationTriggerEvent): Promise<PreTokenGenerationTriggerEvent> => {
  const groupsClaim = event.request.userAttributes[IDP_GROUPS_ATTRIBUTE];
  if (groupsClaim === undefined) return event;
  const access = accessFromCityGroups(groupsOf(groupsClaim), mapping);
  event.response.claimsOverrideDetails = {
    claimsToAddOrOverride: { 'custom:boards': access.boards.join(',') },
    claimsToSuppress: [IDP_GROUPS_ATTRIBUTE],
    groupOverrideDetails: { groupsToOverride: access.role ? [access.role] : [] },
  };
  return event;
};
