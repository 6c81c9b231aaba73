import { roles, type Actor, type Role } from '../domain/actor';

/**
 * Reads the caller from the claims the JWT authorizer verified (API Gateway in AWS, the local server
 * emulating it). Cognito puts the role in `cognito:groups`, the board scope in `custom:boards` and the
 * person's name in `name`.
 * API Gateway hands claims over as strings, arrays rendered as "[a b]", so both forms are accepted.
 */
export function actorFromClaims(claims: Record<string, unknown> | undefined): Actor | undefined {
  if (!claims || typeof claims.sub !== 'string') return undefined;
  const groups = listClaim(claims['cognito:groups']);
  const role = roles.find((candidate) => groups.includes(candidate));
  if (!role) return undefined;
  const boards = listClaim(claims['custom:boards']);
  const locale = claims['custom:locale'] === 'en' ? 'en' : 'sv';
  const email = typeof claims.email === 'string' ? claims.email : undefined;
  const name = typeof claims.name === 'string' && claims.name.trim() !== '' ? claims.name.trim() : undefined;
  return { sub: claims.sub, role: role as Role, boards, name, email, locale };
}

function listClaim(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string' || value.trim() === '') return [];
  const trimmed = value.trim();
  if (trimmed.startsWith('[') && trimmed.endsWith(']')) {
    const inner = trimmed.slice(1, -1).trim();
    if (inner.startsWith('"')) {
      try {
        return (JSON.parse(trimmed) as unknown[]).map(String);
      } catch {
        return [];
      }
    }
    return inner.split(/[\s,]+/).filter(Boolean);
  }
  return trimmed.split(',').map((part) => part.trim()).filter(Boolean);
}
