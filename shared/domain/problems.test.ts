import { describe, expect, it } from 'vitest';
import { ValidationFailed } from './errors';
import { assertComplete, duplicateIdProblems, pathOf } from './problems';

describe('problems', () => {
  it('joins path segments with dots', () => expect(pathOf('goals', 0, 'id')).toBe('goals.0.id'));

  it('names each repeated id after the first, pointing at the first', () => {
    expect(duplicateIdProblems([{ id: 'a' }, { id: 'b' }, { id: 'a' }, { id: 'a' }], (x) => x.id, 'risks', 'id', 'risk id')).toEqual([
      { path: 'risks.2.id', message: 'risk id a is already used at risks.0; give each its own id or remove one' },
      { path: 'risks.3.id', message: 'risk id a is already used at risks.0; give each its own id or remove one' },
    ]);
  });

  it('assertComplete passes an empty list and throws 422 with every problem otherwise', () => {
    expect(() => assertComplete('operations plan', [])).not.toThrow();
    const problems = [{ path: 'targets', message: 'x' }, { path: 'risks.0.probability', message: 'y' }];
    try {
      assertComplete('operations plan', problems);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationFailed);
      expect((error as ValidationFailed).status).toBe(422);
      expect((error as ValidationFailed).errors).toEqual(problems);
      expect((error as ValidationFailed).detail).toMatch(/operations plan is not complete \(2 problems\)/);
    }
  });
});
