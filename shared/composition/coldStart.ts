/**
 * A Lambda handler built on its first event, once per cold start. Building on import would read the
 * environment when the local stack or a test only wants the module's `makeHandler`.
 */
export function onColdStart<E, C, R>(build: () => (event: E, context: C) => Promise<R>): (event: E, context: C) => Promise<R> {
  let built: ((event: E, context: C) => Promise<R>) | undefined;
  return (event, context) => (built ??= build())(event, context);
}
