import { koladaPayloadSchema } from '../../schemas/kolada';
import { KoladaUnavailable, type KoladaFetched, type KoladaQuery, type KoladaSource } from '../../ports/koladaSource';

export interface HttpKoladaOptions {
  /** Default https://api.kolada.se/v3 */
  baseUrl?: string;
  /** Per page; default 4 s. */
  timeoutMs?: number;
  /** For the whole query, every page; default 8 s (an API function runs at most 10 s). */
  deadlineMs?: number;
  /** Pages a series may have before the adapter stops; default 20 (at 5000 values a page, far above an import's size). */
  maxPages?: number;
  perPage?: number;
  fetch?: typeof fetch;
}

const join = (ids: readonly (string | number)[]) => ids.map((id) => encodeURIComponent(String(id))).join(',');

/**
 * Kolada's v3 API over HTTP: `/data/kpi/{kpis}/municipality/{ids}/year/{years}` and `/oudata/kpi/{kpis}/ou/{ids}/year/{years}`,
 * each followed page by page through `next_url` (v2's `next_page` too). Every page is checked against Kolada's shape.
 */
export class HttpKoladaSource implements KoladaSource {
  private readonly baseUrl: string;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: HttpKoladaOptions = {}) {
    this.baseUrl = (options.baseUrl ?? 'https://api.kolada.se/v3').replace(/\/$/, '');
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  async fetchData(query: KoladaQuery): Promise<KoladaFetched> {
    const perPage = this.options.perPage ?? 5000;
    const tail = `/kpi/${join(query.kpis)}`;
    const years = `/year/${join(query.years)}?per_page=${perPage}`;
    const starts = [
      ...(query.municipalities.length > 0 ? [`${this.baseUrl}/data${tail}/municipality/${join(query.municipalities)}${years}`] : []),
      ...(query.ous.length > 0 ? [`${this.baseUrl}/oudata${tail}/ou/${join(query.ous)}${years}`] : []),
    ];
    const deadline = Date.now() + (this.options.deadlineMs ?? 8000);
    const pages: KoladaFetched['pages'] = [];
    for (const start of starts) {
      const seen = new Set<string>();
      let url: string | null = start;
      while (url) {
        if (seen.has(url)) throw new KoladaUnavailable('invalid', `Kolada's page ${url} links to itself or an earlier page`);
        if (seen.size >= (this.options.maxPages ?? 20)) throw new KoladaUnavailable('invalid', `Kolada answered more than ${this.options.maxPages ?? 20} pages; ask for fewer KPIs, units or years`);
        seen.add(url);
        const page = await this.page(url, deadline);
        pages.push(page);
        url = next(page);
      }
    }
    return { pages, urls: starts };
  }

  private async page(url: string, deadline: number) {
    const left = deadline - Date.now();
    if (left <= 0) throw new KoladaUnavailable('timeout', 'Kolada did not answer every page in time');
    let response: Response;
    try {
      response = await this.fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(Math.min(this.options.timeoutMs ?? 4000, left)) });
    } catch (error) {
      const name = (error as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError') throw new KoladaUnavailable('timeout', `Kolada did not answer ${url} in time`);
      throw new KoladaUnavailable('unreachable', `Kolada could not be reached (${(error as Error).message})`);
    }
    if (!response.ok) throw new KoladaUnavailable('status', `Kolada answered ${response.status} to ${url}`);
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new KoladaUnavailable('invalid', `Kolada's answer to ${url} is not JSON`);
    }
    const parsed = koladaPayloadSchema.safeParse(body);
    if (!parsed.success) throw new KoladaUnavailable('invalid', `Kolada's answer to ${url} is not in its data shape (${parsed.error.issues[0]?.message})`);
    return parsed.data;
  }
}

function next(page: Record<string, unknown>): string | null {
  for (const key of ['next_url', 'next_page']) if (typeof page[key] === 'string' && page[key] !== '') return page[key] as string;
  return null;
}

/** Where there is no internet (the local stack): every fetch is refused, so the person pastes or uploads instead. */
export class OfflineKoladaSource implements KoladaSource {
  async fetchData(): Promise<KoladaFetched> {
    throw new KoladaUnavailable('offline', 'this installation has no connection to Kolada');
  }
}
