/**
 * Sign-in, in one module. Locally a person picks a demo user and the app asks POST /api/dev/token. In AWS the app
 * finds `/config.json` with `{ "auth": { "kind": "cognito", "domain": "https://….auth….amazoncognito.com",
 * "clientId": "…" } }` and signs in through the Cognito hosted UI instead (authorization code with PKCE; the ID token
 * is what the API's JWT authorizer checks). The rest of the app reads only `Session` and `currentToken()`.
 *
 * The token's claims have Cognito's ID-token shape (`cognito:groups`, `custom:boards`, `custom:locale`, `name`), so
 * `userFromToken` reads both kinds the same way.
 */
import { roles, type Actor } from '../../../shared/domain/actor';

export type { Role } from '../../../shared/domain/actor';

/** The signed-in person: the server's Actor, with their name when the token carries one. */
export type User = Actor & { name?: string };

export interface Session {
  token: string;
  user: User;
  /** Seconds since the epoch. */
  expiresAt?: number;
}

/** A person of the local user store, as the local sign-in page offers them (GET /api/dev/people). */
export interface DemoUser {
  sub: string;
  role: User['role'];
  name: string;
  boards?: string[];
  email?: string;
}

const storageKey = 'arshjul.session';
type Listener = (session: Session | null) => void;
const listeners = new Set<Listener>();
let session: Session | null = restore();

function restore(): Session | null {
  try {
    const raw = sessionStorage.getItem(storageKey);
    if (!raw) return null;
    const stored = JSON.parse(raw) as Session;
    if (stored.expiresAt && stored.expiresAt * 1000 < Date.now()) return null;
    return stored;
  } catch {
    return null;
  }
}

function store(next: Session | null): void {
  session = next;
  try {
    if (next) sessionStorage.setItem(storageKey, JSON.stringify(next));
    else sessionStorage.removeItem(storageKey);
  } catch {
    // Storage can be off (private mode); the session then lasts as long as the page.
  }
  for (const listener of listeners) listener(next);
}

export function currentSession(): Session | null {
  return session;
}

export function currentToken(): string | undefined {
  return session?.token;
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Reads the person from an ID token's claims (local or Cognito). Throws when the token has no known role; with
 * several, the first in `roles` wins, as on the server (shared/http/identity.ts).
 */
export function userFromToken(token: string): { user: User; expiresAt?: number } {
  const part = token.split('.')[1];
  if (!part) throw new Error('not a JWT');
  const json = decodeURIComponent(
    Array.from(atob(part.replace(/-/g, '+').replace(/_/g, '/')), (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''),
  );
  const claims = JSON.parse(json) as Record<string, unknown>;
  const groups = Array.isArray(claims['cognito:groups']) ? (claims['cognito:groups'] as string[]) : String(claims['cognito:groups'] ?? '').split(/[\s,]+/);
  const role = roles.find((r) => groups.includes(r));
  if (!role || typeof claims.sub !== 'string') throw new Error('the token names no role');
  const boards = String(claims['custom:boards'] ?? '')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  const locale = claims['custom:locale'] === 'en' ? 'en' : claims['custom:locale'] === 'sv' ? 'sv' : undefined;
  const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : undefined;
  return {
    user: { sub: claims.sub, role, boards, email: typeof claims.email === 'string' ? claims.email : undefined, locale, ...(name ? { name } : {}) },
    expiresAt: typeof claims.exp === 'number' ? claims.exp : undefined,
  };
}

/** Local sign-in: a token for a demo user from the local-only dev route. */
export async function signInAsDemoUser(user: Pick<DemoUser, 'sub' | 'role' | 'boards' | 'email' | 'name'>, locale: 'sv' | 'en'): Promise<Session> {
  const response = await fetch('/api/dev/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sub: user.sub, role: user.role, boards: user.boards, email: user.email, name: user.name, locale }),
  });
  if (!response.ok) throw new Error(`sign-in failed (${response.status})`);
  const { token } = (await response.json()) as { token: string };
  return signInWithToken(token, user.name);
}

/**
 * Starts a session from an ID token (the Cognito hosted UI's callback lands here too). The token's `name` claim
 * names the person; `knownName` (the demo user picked) stands in when the token carries none.
 */
export function signInWithToken(token: string, knownName?: string): Session {
  const { user, expiresAt } = userFromToken(token);
  const next = { token, user: user.name || !knownName ? user : { ...user, name: knownName }, expiresAt };
  store(next);
  return next;
}

export function signOut(): void {
  store(null);
}

/** The API said 401 to a signed-in request: the token expired or was revoked. */
export function onUnauthorized(): void {
  if (session) store(null);
}

// ── Cognito hosted UI (authorization code flow with PKCE) ────────────────────
export interface HostedUiConfig {
  kind: 'cognito';
  /** The hosted UI's base address, e.g. https://arshjul.auth.eu-north-1.amazoncognito.com */
  domain: string;
  clientId: string;
  scopes?: string[];
}

let config: Promise<HostedUiConfig | null> | undefined;
/** The sign-in method of this deployment: the hosted UI when /config.json names one, else the local demo. */
export function hostedUiConfig(): Promise<HostedUiConfig | null> {
  config ??= fetch('/config.json', { headers: { accept: 'application/json' } })
    .then(async (response) => {
      if (!response.ok || !(response.headers.get('content-type') ?? '').includes('json')) return null;
      const body = (await response.json()) as { auth?: HostedUiConfig };
      return body.auth?.kind === 'cognito' && body.auth.domain && body.auth.clientId ? body.auth : null;
    })
    .catch(() => null);
  return config;
}

const pkceKey = 'arshjul.pkce';
const callbackPath = '/auth/callback';
const base64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** Sends the person to the hosted UI; they come back to /auth/callback. */
export async function beginHostedSignIn(hosted: HostedUiConfig, next: string): Promise<void> {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const state = base64url(crypto.getRandomValues(new Uint8Array(16)));
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  sessionStorage.setItem(pkceKey, JSON.stringify({ verifier, state, next }));
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: hosted.clientId,
    redirect_uri: `${location.origin}${callbackPath}`,
    scope: (hosted.scopes ?? ['openid', 'email', 'profile']).join(' '),
    code_challenge_method: 'S256',
    code_challenge: challenge,
    state,
  });
  location.assign(`${hosted.domain.replace(/\/$/, '')}/oauth2/authorize?${query}`);
}

/** Finishes the hosted-UI sign-in on /auth/callback: swaps the code for tokens; answers where to go next. */
export async function completeHostedSignIn(hosted: HostedUiConfig, url: URL): Promise<string> {
  const stored = JSON.parse(sessionStorage.getItem(pkceKey) ?? 'null') as { verifier: string; state: string; next: string } | null;
  sessionStorage.removeItem(pkceKey);
  const code = url.searchParams.get('code');
  if (!stored || !code || url.searchParams.get('state') !== stored.state) throw new Error('the sign-in answer does not match the request');
  const response = await fetch(`${hosted.domain.replace(/\/$/, '')}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: hosted.clientId,
      code,
      redirect_uri: `${location.origin}${callbackPath}`,
      code_verifier: stored.verifier,
    }),
  });
  if (!response.ok) throw new Error(`the token exchange failed (${response.status})`);
  const { id_token: idToken } = (await response.json()) as { id_token: string };
  signInWithToken(idToken);
  return stored.next.startsWith('/') && !stored.next.startsWith('//') ? stored.next : '/';
}

export const isAuthCallback = (path: string) => path === callbackPath;
