import { createHash, randomBytes } from 'node:crypto';

/**
 * Task tokens: 64 random bytes behind a fixed prefix. The prefix lets us recognise (and redact)
 * a token anywhere in recorded data, even after a restart when we no longer know the raw value:
 * only its SHA-256 is ever persisted.
 */
const PREFIX = 'LSFN1';
const TOKEN_PATTERN = /LSFN1[A-Za-z0-9_-]{86}/g;
const WELL_FORMED = /^LSFN1[A-Za-z0-9_-]{86}$/;
export const REDACTED_TOKEN = '[redacted task token]';

/** What `$$.Task.Token` resolves to inside the engine; swapped for the real token only in the Lambda payload. */
export const TOKEN_PLACEHOLDER = '__local_sfn_task_token__';

export function mintToken(): string {
  return PREFIX + randomBytes(64).toString('base64url');
}

export function isWellFormedToken(token: string): boolean {
  return WELL_FORMED.test(token);
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A short, non-reversible handle for logs. */
export function tokenRef(hash: string): string {
  return hash.slice(0, 12);
}

export function redactTokens(text: string): string;
export function redactTokens(text: string | undefined): string | undefined;
export function redactTokens(text: string | undefined): string | undefined {
  return text === undefined ? undefined : text.replace(TOKEN_PATTERN, REDACTED_TOKEN);
}

/** Deep copy of `value` with every occurrence of the placeholder replaced by `token`. */
export function substitutePlaceholder(value: unknown, token: string): unknown {
  if (typeof value === 'string') return value.split(TOKEN_PLACEHOLDER).join(token);
  if (Array.isArray(value)) return value.map((item) => substitutePlaceholder(item, token));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substitutePlaceholder(item, token)]));
  }
  return value;
}
