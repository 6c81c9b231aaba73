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
