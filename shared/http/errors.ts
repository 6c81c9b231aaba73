import { DomainError } from '../domain/errors';

/** HTTP-only refusals: about the request's form, not the business. Mapped to problem+json like the domain's. */
export class NotAcceptable extends DomainError {
  readonly status = 406;
  readonly title = 'Not acceptable';
}

export class UnsupportedMediaType extends DomainError {
  readonly status = 415;
  readonly title = 'Unsupported media type';
}
