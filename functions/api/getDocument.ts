import { getDocumentRoute } from '../../shared/api/routes';
import { documentDeps } from '../../shared/commons/repositories';
import { documentView } from '../../shared/features/documents/context';
import { readDocument } from '../../shared/features/documents/readDocument';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(getDocumentRoute, async ({ params, actor }) => {
  const document = await readDocument(params, documentDeps(actor));
  return { status: 200, body: documentView(document), headers: { etag: `"${document.version}"` } };
});
