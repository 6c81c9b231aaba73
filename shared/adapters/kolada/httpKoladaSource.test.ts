import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KoladaUnavailable } from '../../ports/koladaSource';
import { HttpKoladaSource } from './httpKoladaSource';

const recorded = [1, 2, 3].map((n) => readFileSync(new URL(`./recorded/data-page-${n}.json`, import.meta.url), 'utf8'));
const first = 'https://api.kolada.se/v3/data/kpi/N15428,N00090/municipality/0180/year/2027?per_page=2';

/** A fetch that answers the recorded pages by their URL, and says which URLs were asked for. */
function recordedFetch(pages: Record<string, string | (() => Promise<Response>)>) {
  const asked: string[] = [];
  const fetch = (async (url: string) => {
    asked.push(String(url));
    const page = pages[String(url)];
    if (page === undefined) return new Response('{"detail":"Not found"}', { status: 404 });
    return typeof page === 'function' ? page() : new Response(page, { status: 200, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, asked };
}

const query = { kpis: ['N15428', 'N00090'], municipalities: ['0180'], ous: [], years: [2027] };

describe('HttpKoladaSource on recorded v3 pages', () => {
  it('follows next_url until the last page, and asks each page once', async () => {
    const { fetch, asked } = recordedFetch({ [first]: recorded[0]!, [`${first}&page=2`]: recorded[1]!, [`${first}&page=3`]: recorded[2]! });
    const fetched = await new HttpKoladaSource({ fetch, perPage: 2 }).fetchData(query);
    expect(asked).toEqual([first, `${first}&page=2`, `${first}&page=3`]);
    expect(fetched.pages.map((p) => p.values.length)).toEqual([2, 2, 1]);
    expect(fetched.pages[0]!.values[0]).toMatchObject({ kpi: 'N15428', municipality: '0180', period: 2027 });
    expect(fetched.urls).toEqual([first]);
  });

  it('asks /oudata for organisational units beside /data for municipalities', async () => {
    const { fetch, asked } = recordedFetch({});
    await new HttpKoladaSource({ fetch, perPage: 2 }).fetchData({ ...query, ous: ['V15E018000101'] }).catch(() => undefined);
    expect(asked[0]).toBe(first);
    const { fetch: f2, asked: a2 } = recordedFetch({ [first]: JSON.stringify({ count: 0, values: [], next_url: null }) });
    await new HttpKoladaSource({ fetch: f2, perPage: 2 }).fetchData({ ...query, ous: ['V15E018000101'] }).catch(() => undefined);
    expect(a2[1]).toBe('https://api.kolada.se/v3/oudata/kpi/N15428,N00090/ou/V15E018000101/year/2027?per_page=2');
  });

  it.each([
    ['an error status', { [first]: async () => new Response('busy', { status: 503 }) }, 'status'],
    ['an answer that is not JSON', { [first]: async () => new Response('<html>', { status: 200 }) }, 'invalid'],
    ['an answer not in Kolada’s shape', { [first]: JSON.stringify({ results: [] }) }, 'invalid'],
    ['a page that links to itself', { [first]: JSON.stringify({ count: 0, values: [], next_url: first }) }, 'invalid'],
    [
      'no answer in time',
      { [first]: () => new Promise<Response>((_, reject) => setTimeout(() => reject(Object.assign(new Error('timed out'), { name: 'TimeoutError' })), 5)) },
      'timeout',
    ],
    ['a network failure', { [first]: async () => Promise.reject(new TypeError('fetch failed')) }, 'unreachable'],
  ])('refuses %s as %s', async (_, pages, reason) => {
    const { fetch } = recordedFetch(pages as Record<string, string | (() => Promise<Response>)>);
    const error = await new HttpKoladaSource({ fetch, perPage: 2, timeoutMs: 50 }).fetchData(query).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KoladaUnavailable);
    expect((error as KoladaUnavailable).reason).toBe(reason);
  });

  it('stops a series that pages without end', async () => {
    const pages: Record<string, string> = {};
    for (let n = 0; n < 5; n++) pages[n === 0 ? first : `${first}&page=${n + 1}`] = JSON.stringify({ count: 0, values: [], next_url: `${first}&page=${n + 2}` });
    const { fetch } = recordedFetch(pages);
    const error = await new HttpKoladaSource({ fetch, perPage: 2, maxPages: 3 }).fetchData(query).catch((e: unknown) => e);
    expect((error as KoladaUnavailable).message).toMatch(/more than 3 pages/);
  });
});
