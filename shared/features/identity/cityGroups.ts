import * as z from 'zod';
import { roles, type Role } from '../../domain/actor';
import { boardIdSchema } from '../../schemas/common';

/**
 * The city's groups (Entra ID group object ids, or whatever the identity provider sends in its groups claim)
 * and what each grants in Årshjul: a role, and for editors (and reviewers scoped to boards) the boards.
 * Given at deploy time (context `idpGroupRoles`), validated at synth and again at cold start.
 */
export const cityGroupRolesSchema = z.record(
  z.string().min(1),
  z.object({ role: z.enum(roles), boards: z.array(boardIdSchema).default([]) }).strict(),
);
export type CityGroupRoles = z.output<typeof cityGroupRolesSchema>;

/** Environment of the pre-token-generation trigger: the mapping as JSON. */
export const CITY_GROUP_ROLES_ENV = 'CITY_GROUP_ROLES';

/** The custom attribute the identity provider's groups claim is mapped into (infra/identityProvider.ts). */
export const IDP_GROUPS_ATTRIBUTE = 'custom:idp_groups';

/** When someone is in several mapped groups, the broadest role wins (as the Cognito groups' precedence says). */
const breadth: Record<Role, number> = { admin: 0, executive: 1, reviewer: 2, editor: 3 };

/**
 * A groups claim as Cognito stores it in a string attribute: `["a","b"]` (JSON), `[a, b]` (a SAML
 * multi-valued attribute) or `a,b`.
 */
export function groupsOf(value: string | undefined): string[] {
  const text = value?.trim() ?? '';
  if (text === '') return [];
  if (text.startsWith('[') && text.endsWith(']')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) return parsed.map(String);
    } catch {
      // Not JSON: a bracketed list.
    }
    return text.slice(1, -1).split(/[\s,]+/).filter(Boolean);
  }
  return text.split(',').map((part) => part.trim()).filter(Boolean);
}

/**
 * What a signed-in member of the city's groups gets: the broadest mapped role, and the boards of every
 * mapped group that has that role. No mapped group: no role (the API answers 401 to such a token).
 */
export function accessFromCityGroups(groups: string[], mapping: CityGroupRoles): { role?: Role; boards: string[] } {
  const grants = groups.flatMap((group) => (mapping[group] ? [mapping[group]] : []));
  if (grants.length === 0) return { boards: [] };
  const role = grants.map((grant) => grant.role).sort((a, b) => breadth[a] - breadth[b])[0]!;
  const boards = [...new Set(grants.filter((grant) => grant.role === role).flatMap((grant) => grant.boards))].sort();
  return { role, boards };
}
