import type { KoladaPayload } from '../schemas/kolada';

/** What to ask Kolada for: the KPIs, for municipalities (`/data`) and organisational units (`/oudata`), in the years. */
export interface KoladaQuery {
  kpis: readonly string[];
  municipalities: readonly string[];
  ous: readonly string[];
  years: readonly number[];
}

export interface KoladaFetched {
  /** Every page, in the order read (a query for municipalities and units reads both series). */
  pages: KoladaPayload[];
  /** The first URL of each series, for the outcomes' source. */
  urls: string[];
}

/**
 * Why Kolada gave nothing usable: it cannot be reached from here (locally there is no internet), it did not answer in
 * time, it answered an error status, or its answer was not Kolada data (or paged without end).
 */
export type KoladaFailure = 'offline' | 'unreachable' | 'timeout' | 'status' | 'invalid';

export class KoladaUnavailable extends Error {
  constructor(
    readonly reason: KoladaFailure,
    detail: string,
  ) {
    super(detail);
    this.name = 'KoladaUnavailable';
  }
}

/** Kolada's open API of municipal key figures (RKA), read page by page. */
export interface KoladaSource {
  fetchData(query: KoladaQuery): Promise<KoladaFetched>;
}
