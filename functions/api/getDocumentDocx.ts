import { documentDocxRoute } from '../../shared/api/routes';
import { onColdStart } from '../../shared/composition/coldStart';
import { boards, clock, cycles, documents } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { ancestorsVia } from '../../shared/features/boards/ancestors';
import { documentFile } from '../../shared/features/reports/reportFiles';
import { httpHandler } from '../../shared/http/handler';

export const makeHandler = (deps: Pick<Deps, 'cycles' | 'boards' | 'documents' | 'clock'>) =>
  httpHandler(
    documentDocxRoute,
    async ({ params, query }) => {
      const file = await documentFile(params, query.lang ?? 'sv', deps);
      return { status: 200, bytes: file.bytes, headers: { 'content-disposition': `attachment; filename="${file.name}"`, 'cache-control': 'private, no-store' } };
    },
    { ancestors: ancestorsVia(deps.boards) },
  );

export const handler = onColdStart(() => makeHandler({ cycles: cycles(), boards: boards(), documents: documents(), clock: clock() }));
