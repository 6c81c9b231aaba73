import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

/** A module that must not be reached, and the chain of imports that reaches it. */
export interface ForbiddenImport {
  from: string;
  chain: string[];
  target: string;
}

/** What counts as forbidden: an adapter of ours, or an AWS SDK package. */
export const isForbidden = (specifierOrPath: string) =>
  specifierOrPath.startsWith('shared/adapters/') || specifierOrPath.startsWith('@aws-sdk/') || specifierOrPath === 'aws-sdk';

/** The run-time imports of a module: `import type` and all-type specifier lists are erased, so they do not count. */
export function runtimeImports(source: string): string[] {
  const found: string[] = [];
  const statement = /(?:^|\n)\s*(import|export)\s+(type\s+)?([^'"]*?)\s*(?:from\s+)?['"]([^'"]+)['"]/g;
  for (const match of source.matchAll(statement)) {
    const [, , typeOnly, clause = '', specifier] = match;
    if (typeOnly) continue;
    const names = /^\{([^}]*)\}$/.exec(clause.trim())?.[1];
    if (names !== undefined && names.trim() && names.split(',').every((name) => !name.trim() || name.trim().startsWith('type '))) continue;
    found.push(specifier!);
  }
  for (const match of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(match[1]!);
  return found;
}

/**
 * Walks the run-time import graph from each entry (repository-relative paths) and answers every forbidden module
 * reached, with the chain that reaches it. `read` answers a file's source, or undefined when there is no such file.
 */
export function forbiddenImports(entries: string[], read: (path: string) => string | undefined): ForbiddenImport[] {
  const found: ForbiddenImport[] = [];
  for (const entry of entries) {
    const seen = new Set<string>([entry]);
    const queue: Array<{ path: string; chain: string[] }> = [{ path: entry, chain: [entry] }];
    while (queue.length) {
      const { path, chain } = queue.shift()!;
      for (const specifier of runtimeImports(read(path) ?? '')) {
        if (!specifier.startsWith('.')) {
          if (isForbidden(specifier)) found.push({ from: entry, chain, target: specifier });
          continue;
        }
        const resolved = resolve(join(dirname(path), specifier), read);
        if (!resolved || seen.has(resolved)) continue;
        seen.add(resolved);
        if (isForbidden(resolved)) {
          found.push({ from: entry, chain, target: resolved });
          continue;
        }
        queue.push({ path: resolved, chain: [...chain, resolved] });
      }
    }
  }
  return found;
}

function resolve(base: string, read: (path: string) => string | undefined): string | undefined {
  const path = normalize(base).replaceAll('\\', '/');
  return [path, `${path}.ts`, `${path}/index.ts`].find((candidate) => candidate.endsWith('.ts') && read(candidate) !== undefined);
}

/** The .ts files under a folder of the repository, tests left out (they may use adapters and fakes). */
export function modulesUnder(root: string, folder: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) files.push(relative(root, full).replaceAll('\\', '/'));
    }
  };
  walk(join(root, folder));
  return files.sort();
}

/** Reads repository files by their relative path. */
export const repositoryReader = (root: string) => (path: string) => {
  try {
    return readFileSync(join(root, path), 'utf8');
  } catch {
    return undefined;
  }
};
