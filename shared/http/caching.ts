import { createHash } from 'node:crypto';

/**
 * How long shared caches (CloudFront's `/api/public/*` behaviour, a browser) may keep a public answer.
 * 60 s fresh, then 30 s more in which a cache may answer with its copy while it fetches the next one, so
 * no reader waits for a whole year's meters to be computed at the moment a copy expires. An approval is
 * therefore on the public site within 90 s, and the API computes each public answer at most about once a
 * minute per edge location, however many readers there are.
 */
export const publicCache = { maxAgeSeconds: 60, staleWhileRevalidateSeconds: 30 } as const;

export const publicCacheControl = `public, max-age=${publicCache.maxAgeSeconds}, stale-while-revalidate=${publicCache.staleWhileRevalidateSeconds}`;

/** A strong ETag of the exact bytes sent: the same answer always gets the same tag. */
export function contentEtag(body: string): string {
  return `"${createHash('sha256').update(body, 'utf8').digest('base64url')}"`;
}

/** `If-None-Match` (a list, weak or strong, or `*`) names `etag`: RFC 9110's weak comparison, as it says for GET. */
export function noneMatchNames(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}
