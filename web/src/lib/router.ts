/** A small history router: paths are the app's addresses, links are real <a href>s. */
import { useEffect, useState } from 'preact/hooks';

type Listener = () => void;
const listeners = new Set<Listener>();

export interface Location {
  path: string;
  query: URLSearchParams;
  hash: string;
}

function read(): Location {
  return { path: window.location.pathname.replace(/\/+$/, '') || '/', query: new URLSearchParams(window.location.search), hash: window.location.hash };
}

export function navigate(to: string, { replace = false } = {}): void {
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  for (const listener of listeners) listener();
}

window.addEventListener('popstate', () => {
  for (const listener of listeners) listener();
});

export function useLocation(): Location {
  const [location, setLocation] = useState(read);
  useEffect(() => {
    const listener = () => setLocation(read());
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, []);
  return location;
}

/** Matches `/cycles/:year/boards/:boardId` against a path; the named parts, or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const names: string[] = [];
  const source = pattern.replace(/:([a-zA-Z]+)/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  const found = new RegExp(`^${source}$`).exec(path);
  if (!found) return null;
  return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1]!)]));
}

/** Follows same-origin links inside the app without reloading the page. */
export function interceptLinks(root: HTMLElement): () => void {
  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = (event.target as Element).closest?.('a');
    if (!anchor || anchor.target || anchor.hasAttribute('download')) return;
    const url = new URL(anchor.href, window.location.href);
    if (url.origin !== window.location.origin || url.pathname.startsWith('/api/')) return;
    if (url.pathname === window.location.pathname && url.search === window.location.search && url.hash) return; // in-page anchor
    event.preventDefault();
    navigate(url.pathname + url.search + url.hash);
  };
  root.addEventListener('click', onClick);
  return () => root.removeEventListener('click', onClick);
}

export const paths = {
  home: () => '/',
  signIn: (next?: string) => (next ? `/signin?next=${encodeURIComponent(next)}` : '/signin'),
  /** The year overview; with `parent`, that board's units (a bookmark that lasts: `/cycles/2026?parent=bromma`). */
  overview: (year: number, parent?: string) => (parent ? `/cycles/${year}?parent=${encodeURIComponent(parent)}` : `/cycles/${year}`),
  cycleHistory: (year: number) => `/cycles/${year}/history`,
  /** The council's goals of a year: the office edits them, everyone signed in reads them. */
  councilGoals: (year: number) => `/cycles/${year}/council-goals`,
  document: (year: number, boardId: string, kind: string) => `/cycles/${year}/boards/${encodeURIComponent(boardId)}/documents/${kind}`,
  history: (year: number, boardId: string, kind: string) => `/cycles/${year}/boards/${encodeURIComponent(boardId)}/documents/${kind}/history`,
  review: (year: number) => `/cycles/${year}/review`,
  signoff: (year: number) => `/cycles/${year}/signoff`,
  imports: (year: number) => `/cycles/${year}/imports`,
  meters: (year: number) => `/public/cycles/${year}/meters`,
  /** A meter's page: its series over all years (PublicIndicatorPage). */
  indicator: (id: string) => `/public/indicators/${encodeURIComponent(id)}`,
  accessibility: () => '/accessibility',
  /** The city office's workspace (api.md 1.1 "Web app addresses") and the pages it links to. */
  admin: () => '/admin',
  newCycle: () => '/admin/cycles/new',
  calendar: (year: number) => `/cycles/${year}/calendar`,
  /** The council's budget of a year, and the sections the city asks the boards to write (api.md 1.1). */
  budget: (year: number) => `/cycles/${year}/budget`,
  reportSections: (year: number) => `/cycles/${year}/report-sections`,
  adminBoards: () => '/admin/boards',
  /** The office's people: who may sign in, their roles and boards. */
  adminUsers: () => '/admin/users',
};
