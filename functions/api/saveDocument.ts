import { saveDocumentRoute } from '../../shared/api/routes';
import { documentDeps } from '../../shared/commons/repositories';
import { documentView } from '../../shared/features/documents/context';
import { saveDocument } from '../../shared/features/documents/saveDocument';
import { httpHandler } from '../../shared/http/handler';
import type { DocumentContent } from '../../shared/schemas/documents';

export const handler = httpHandler(saveDocumentRoute, async ({ params, headers, body, actor }) => {
  const document = await saveDocument(
    { ...params, ifMatch: headers['if-match'], content: body.content as DocumentContent },
    documentDeps(actor),
  );
  return { status: 200, body: documentView(document), headers: { etag: `"${document.version}"` } };
});
