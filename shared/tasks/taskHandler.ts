import middy from '@middy/core';
import type { ZodType, z } from 'zod';
import { logger } from '../observability/logger';
import { observed } from '../observability/middleware';

/** A workflow task's input failed validation: a bug in the state machine, not worth retrying. */
export class InvalidTaskInput extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidTaskInput';
  }
}

/**
 * Wraps a workflow step as a Lambda handler: validates the input the state machine sends and logs the
 * step with the document it concerns (never the task token).
 */
export function taskHandler<S extends ZodType, R>(name: string, schema: S, run: (input: z.output<S>) => Promise<R>) {
  return middy<unknown, R>()
    .use(observed())
    .before((request) => {
      const document = (request.event as { document?: Record<string, unknown> } | undefined)?.document;
      logger.resetKeys?.();
      logger.appendKeys({ task: name, ...(document ? { year: document.year, boardId: document.boardId, kind: document.kind } : {}) });
    })
    .onError((request) => {
      logger.error('task failed', { error: request.error as Error });
    })
    .handler(async (event) => {
      const parsed = schema.safeParse(event);
      if (!parsed.success) throw new InvalidTaskInput(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
      return run(parsed.data);
    });
}
