/** What a handler returns: the status and the body, and only headers the route cannot say (Location, a file name). */
export interface HttpResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Raw text body in the route's `produces` media type (e.g. CSV); `body` is JSON-encoded otherwise. */
  text?: string;
  /** Raw bytes in the route's `produces` media type (a Word file): sent base64-encoded, as API Gateway expects. */
  bytes?: Uint8Array;
}
