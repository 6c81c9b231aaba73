import { submitDocumentRoute } from '../../shared/api/routes';
import { onColdStart } from '../../shared/composition/coldStart';
import { boards, clock, cycles, documents, idempotency, outbox, workflow } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { submitDocument } from '../../shared/features/documents/submitDocument';
import { httpHandler } from '../../shared/http/handler';

export const makeHandler = (deps: Pick<Deps, 'cycles' | 'boards' | 'documents' | 'idempotency' | 'outbox' | 'clock' | 'workflow'>) =>
  httpHandler(submitDocumentRoute, async ({ params, headers, actor }) => {
    const answer = await submitDocument({ ...params, idempotencyKey: headers['idempotency-key'] }, { ...deps, actor });
    return { status: answer.status, body: answer.body };
  });

export const handler = onColdStart(() => makeHandler({ cycles: cycles(), boards: boards(), documents: documents(), idempotency: idempotency(), outbox: outbox(), clock: clock(), workflow: workflow() }));
