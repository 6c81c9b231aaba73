import { buildOpenApiDocument } from '../../shared/api/openapi';
import { openApiRoute } from '../../shared/api/routes';
import { httpHandler } from '../../shared/http/handler';

let document: ReturnType<typeof buildOpenApiDocument> | undefined;

export const handler = httpHandler(openApiRoute, async () => {
  document ??= buildOpenApiDocument();
  return { status: 200, body: document };
});
