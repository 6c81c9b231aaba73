import { signedBy } from '../../domain/actor';
import { Conflict, PreconditionFailed, PreconditionRequired } from '../../domain/errors';
import { assertEditable } from '../../domain/lifecycle';
import { CommitRefused, type StoredDocument } from '../../ports/documentStore';
import type { DocumentContent } from '../../schemas/documents';
import { loadDocument, withSavedContent, type DocumentAddress, type DocumentDeps } from './context';

/**
 * Saves a draft. The caller must say which version it edited (If-Match): a stale version answers 412 and
 * nothing is overwritten, so two people editing the same plan never lose each other's work silently.
 */
export async function saveDocument(
  input: DocumentAddress & { ifMatch: number | undefined; content: DocumentContent },
  deps: DocumentDeps,
): Promise<StoredDocument> {
  if (input.ifMatch === undefined) {
    throw new PreconditionRequired('Send If-Match with the version you edited (the ETag of your GET; "0" for a new document).');
  }
  const { cycle, record } = await loadDocument(input, deps);
  const current = record.document;
  if (input.ifMatch !== current.version) throw stale(current.version, input.ifMatch);
  assertEditable(current.status, cycle);

  const at = deps.clock.now().toISOString();
  const next = withSavedContent(current, input.content, deps.actor, at);
  try {
    await deps.documents.commit({
      next,
      ...(current.version > 0 ? { previous: current } : {}),
      expectedVersion: current.version,
      event: { at, ...signedBy(deps.actor), action: 'saved', from: current.status, to: next.status },
    });
  } catch (error) {
    if (error instanceof CommitRefused && error.reason === 'document') throw stale(undefined, input.ifMatch);
    if (error instanceof CommitRefused && error.reason === 'cycle') throw new Conflict(`The ${input.year} cycle is signed off and read-only.`);
    throw error;
  }
  return next;
}

function stale(current: number | undefined, sent: number): PreconditionFailed {
  return new PreconditionFailed(
    `Someone saved this document after you read it (you sent version ${sent}${current === undefined ? '' : `, it is now at ${current}`}). ` +
      'Read it again, apply your change to the new version and save with its ETag.',
  );
}
