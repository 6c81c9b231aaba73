/** Who is calling, as the identity port read it from a verified token. */
export const roles = ['admin', 'editor', 'reviewer', 'executive'] as const;
export type Role = (typeof roles)[number];

export interface Actor {
  sub: string;
  role: Role;
  /** Board ids that scope an editor (and optionally a reviewer). */
  boards: string[];
  /** The person's name (the token's `name` claim), shown instead of the login id. */
  name?: string;
  email?: string;
  locale?: 'sv' | 'en';
}

/** Who did it, as an audit event or a comment records it: the login id and role, and the name when the token has one. */
export function signedBy(actor: Actor): { actor: string; role: Role; actorName?: string } {
  return { actor: actor.sub, role: actor.role, ...(actor.name ? { actorName: actor.name } : {}) };
}
