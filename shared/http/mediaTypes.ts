import { NotAcceptable, UnsupportedMediaType } from './errors';

/**
 * The API reads JSON only: `application/json`, with no charset or `charset=utf-8`. Structured-syntax types
 * (`application/merge-patch+json` and the like) are refused, since they promise semantics the routes do not
 * have, and so is any other charset, since bodies are decoded as UTF-8.
 */
export function requireJsonBody(contentType: string | undefined): void {
  const { type, parameters } = parseMediaType(contentType ?? '');
  const charset = parameters.get('charset');
  if (type === 'application/json' && (charset === undefined || charset === 'utf-8')) return;
  throw new UnsupportedMediaType(
    contentType
      ? `The body is sent as ${contentType}; this API reads only application/json (UTF-8). Send the body as JSON with Content-Type: application/json.`
      : 'The body has no Content-Type; send it as JSON with Content-Type: application/json.',
  );
}

/**
 * Refuses an `Accept` that rules out what the route answers with. Absent, `*\/*`, `type/*` and the type itself are
 * fine, unless given q=0. Errors are problem+json whatever the Accept says, so asking for only that is not enough.
 */
export function requireAcceptable(accept: string | undefined, produces: string): void {
  if (accept === undefined || accept.trim() === '') return;
  const [family] = produces.split('/');
  const acceptable = accept.split(',').some((range) => {
    const { type, parameters } = parseMediaType(range);
    if (parameters.get('q') !== undefined && Number(parameters.get('q')) === 0) return false;
    return type === '*/*' || type === `${family}/*` || type === produces;
  });
  if (!acceptable) {
    throw new NotAcceptable(`This route answers with ${produces}, which your Accept header (${accept.slice(0, 200)}) rules out. Accept ${produces} or */*.`);
  }
}

function parseMediaType(value: string): { type: string; parameters: Map<string, string> } {
  const [type = '', ...rest] = value.split(';');
  const parameters = new Map<string, string>();
  for (const part of rest) {
    const at = part.indexOf('=');
    if (at > 0) parameters.set(part.slice(0, at).trim().toLowerCase(), part.slice(at + 1).trim().replace(/^"|"$/g, '').toLowerCase());
  }
  return { type: type.trim().toLowerCase(), parameters };
}
