import { describe, expect, it } from 'vitest';
import { boardBodySchema } from './boards';

const board = { name: 'Bromma stadsdelsnämnd', kind: 'district', contacts: ['a@bromma.example'] };
const emails = (n: number) => Array.from({ length: n }, (_, i) => `c${i}@x.example`);

describe('board body', () => {
  it.each([
    [{}, []],
    [{ locale: 'en' }, []],
    [{ locale: 'fi' }, ['locale']],
    [{ kind: 'committee' }, ['kind']],
    [{ name: '  ' }, ['name']],
    [{ contacts: [] }, ['contacts']],
    [{ contacts: emails(20) }, []],
    [{ contacts: emails(21) }, ['contacts']],
    [{ contacts: ['not-an-address'] }, ['contacts.0']],
    [{ contacts: ['a@x.example', 'b@x.example', 'A@x.example'] }, ['contacts.2']],
  ])('%j gives problems at %j', (change, paths) => {
    const result = boardBodySchema.safeParse({ ...board, ...change });
    expect(result.error?.issues.map((i) => i.path.join('.')) ?? []).toEqual(paths);
  });
});
