import { decideDocumentRoute } from '../../shared/api/routes';
import { onColdStart } from '../../shared/composition/coldStart';
import { boards, clock, cycles, documents, idempotency, outbox, workflow } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { decideDocument } from '../../shared/features/documents/decideDocument';
import { ancestorsVia } from '../../shared/features/boards/ancestors';
import { httpHandler } from '../../shared/http/handler';

export const makeHandler = (deps: Pick<Deps, 'cycles' | 'boards' | 'documents' | 'idempotency' | 'outbox' | 'clock' | 'workflow'>) =>
  httpHandler(decideDocumentRoute, async ({ params, headers, body, actor }) => {
    const answer = await decideDocument({ ...params, body, idempotencyKey: headers['idempotency-key'] }, { ...deps, actor });
    return { status: answer.status, body: answer.body };
  }, { ancestors: ancestorsVia(deps.boards) });

export const handler = onColdStart(() => makeHandler({ cycles: cycles(), boards: boards(), documents: documents(), idempotency: idempotency(), outbox: outbox(), clock: clock(), workflow: workflow() }));
