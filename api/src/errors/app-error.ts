/**
 * The one error type of the API. `status` is the HTTP status, `code` a stable machine
 * name, `message` a sentence for people; `details` optional structured context.
 * Example: `throw new AppError(404, 'not_found', "No area 'lanna'")`.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (code: string, message: string, details?: Record<string, unknown>) =>
  new AppError(400, code, message, details);

export const notFound = (message: string) => new AppError(404, 'not_found', message);
