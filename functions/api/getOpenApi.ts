import { buildOpenApiDocument } from '../../shared/api/openapi';
import { openApiRoute } from '../../shared/api/routes';
import { onColdStart } from '../../shared/composition/coldStart';
import { httpHandler } from '../../shared/http/handler';

/** No ports: the document is built from the route table, once per cold start. */
export const makeHandler = () => {
  let document: ReturnType<typeof buildOpenApiDocument> | undefined;
  return httpHandler(openApiRoute, async () => ({ status: 200, body: (document ??= buildOpenApiDocument()) }));
};

export const handler = onColdStart(() => makeHandler());
