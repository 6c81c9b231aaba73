/**
 * Domain errors. Use cases throw these; the HTTP layer maps each to problem+json in one place
 * (shared/http/problem.ts). `detail` is written for a person: it says what to do.
 */
export interface FieldError {
  path: string;
  message: string;
}

export abstract class DomainError extends Error {
  abstract readonly status: number;
  abstract readonly title: string;
  readonly errors?: FieldError[];
  constructor(detail: string, errors?: FieldError[]) {
    super(detail);
    this.name = new.target.name;
    this.errors = errors;
  }
  get detail(): string {
    return this.message;
  }
}

export class BadRequest extends DomainError {
  readonly status = 400;
  readonly title = 'Bad request';
}
export class Unauthorized extends DomainError {
  readonly status = 401;
  readonly title = 'Not signed in';
}
export class Forbidden extends DomainError {
  readonly status = 403;
  readonly title = 'Not allowed';
}
export class NotFound extends DomainError {
  readonly status = 404;
  readonly title = 'Not found';
}
export class Conflict extends DomainError {
  readonly status = 409;
  readonly title = 'Conflict';
}
export class PreconditionFailed extends DomainError {
  readonly status = 412;
  readonly title = 'Precondition failed';
}
export class PayloadTooLarge extends DomainError {
  readonly status = 413;
  readonly title = 'Payload too large';
}
export class ValidationFailed extends DomainError {
  readonly status = 422;
  readonly title = 'Validation failed';
}
export class PreconditionRequired extends DomainError {
  readonly status = 428;
  readonly title = 'Precondition required';
}
export class ServiceUnavailable extends DomainError {
  readonly status = 503;
  readonly title = 'Service unavailable';
  constructor(detail: string, readonly retryAfterSeconds = 1) {
    super(detail);
  }
}
