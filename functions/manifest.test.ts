import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { apiRoutes } from '../shared/api/routes';
import { routeKey } from '../shared/http/route';
import { allFunctions, apiFunctions } from './manifest';

const repositoryRoot = join(fileURLToPath(new URL('.', import.meta.url)), '..');

describe('the functions manifest', () => {
  it('has one function per route, its id, entry, route key and auth read off the route', () => {
    expect(apiFunctions.map((spec) => ({ id: spec.id, entry: spec.entry, routes: spec.routes, auth: spec.auth }))).toEqual(
      apiRoutes.map((route) => ({
        id: route.operationId[0]!.toUpperCase() + route.operationId.slice(1),
        entry: `functions/api/${route.operationId}.ts`,
        routes: [routeKey(route)],
        auth: route.auth,
      })),
    );
    expect(new Set(allFunctions.map((spec) => spec.id)).size).toBe(allFunctions.length);
  });

  it.each(allFunctions.map((spec) => [spec.id, spec.entry]))('%s exports a factory and a handler, and reads no environment on import', async (_id, entry) => {
    expect(process.env.TABLE_NAME).toBeUndefined();
    expect(existsSync(join(repositoryRoot, entry))).toBe(true);
    const module = (await import(pathToFileURL(join(repositoryRoot, entry)).href)) as Record<string, unknown>;
    expect(typeof module.makeHandler).toBe('function');
    expect(typeof module.handler).toBe('function');
  });

  it('gives every protected route an action for the edge to decide', () => {
    expect(apiRoutes.filter((route) => route.auth === 'jwt' && !route.action).map((route) => route.operationId)).toEqual([]);
  });
});
