import { saveDocumentRoute } from '../../shared/api/routes';
import { onColdStart } from '../../shared/composition/coldStart';
import { boards, clock, cycles, documents } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { documentView } from '../../shared/features/documents/context';
import { saveDocument } from '../../shared/features/documents/saveDocument';
import { httpHandler } from '../../shared/http/handler';
import type { DocumentContent } from '../../shared/schemas/documents';

export const makeHandler = (deps: Pick<Deps, 'cycles' | 'boards' | 'documents' | 'clock'>) =>
  httpHandler(saveDocumentRoute, async ({ params, headers, body, actor }) => {
    const document = await saveDocument({ ...params, ifMatch: headers['if-match'], content: body.content as DocumentContent }, { ...deps, actor });
    return { status: 200, body: documentView(document) };
  });

export const handler = onColdStart(() => makeHandler({ cycles: cycles(), boards: boards(), documents: documents(), clock: clock() }));
