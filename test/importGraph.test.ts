import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { forbiddenImports, modulesUnder, repositoryReader, runtimeImports } from './support/importGraph';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('the import graph', () => {
  it.each(['shared/features', 'shared/domain', 'shared/ports'])('keeps %s free of adapters and AWS SDKs, however indirectly', (folder) => {
    const modules = modulesUnder(root, folder);
    expect(modules.length).toBeGreaterThan(5);
    expect(forbiddenImports(modules, repositoryReader(root))).toEqual([]);
  });

  describe('the check itself', () => {
    const files: Record<string, string> = {
      'shared/features/a/useCase.ts': "import { helper } from './helper';\nimport type { Port } from '../../ports/port';\n",
      'shared/features/a/helper.ts': "import { TaskAlreadySettled } from '../../adapters/sfn/engine';\nexport const helper = 1;\n",
      'shared/adapters/sfn/engine.ts': "import { SFNClient } from '@aws-sdk/client-sfn';\n",
      'shared/ports/port.ts': "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\n",
      'shared/domain/rule.ts': "import { type A, type B } from '../ports/port';\nexport { something } from '@aws-sdk/lib-dynamodb';\n",
      'shared/domain/clean.ts': "import { z } from 'zod';\nimport type { Port } from '../ports/port';\n",
    };
    const read = (path: string) => files[path];

    it('finds an adapter reached through another module, with the chain', () => {
      expect(forbiddenImports(['shared/features/a/useCase.ts'], read)).toEqual([
        { from: 'shared/features/a/useCase.ts', chain: ['shared/features/a/useCase.ts', 'shared/features/a/helper.ts'], target: 'shared/adapters/sfn/engine.ts' },
      ]);
    });

    it('finds an AWS SDK re-exported directly, and ignores imports erased as types', () => {
      expect(forbiddenImports(['shared/domain/rule.ts'], read).map((found) => found.target)).toEqual(['@aws-sdk/lib-dynamodb']);
      expect(forbiddenImports(['shared/domain/clean.ts'], read)).toEqual([]);
    });

    it('reads run-time imports, not type-only ones', () => {
      expect(runtimeImports("import a from 'x';\nimport type { B } from 'y';\nimport { type C, d } from 'z';\nconst e = await import('w');\n")).toEqual(['x', 'z', 'w']);
    });
  });
});
