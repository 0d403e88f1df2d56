/**
 * The one error type of motcua: a stable code for programs, a message for developers and a
 * Vietnamese message for the people at the counter. Transports (HTTP, CLI) map codes to
 * statuses and exit codes in one place each.
 */
export const ErrorCode = {
  validation: 'validation',
  notFound: 'not_found',
  conflict: 'conflict',
  invalidTransition: 'invalid_transition',
  /** A step the officer must confirm first (a warning): the details name the field that confirms it. */
  confirmationRequired: 'confirmation_required',
  forbidden: 'forbidden',
  unauthenticated: 'unauthenticated',
  locked: 'locked',
  /** Too many tries from one client (guessing a code, a phone): wait, then try again. */
  tooManyRequests: 'too_many_requests',
  /** The server could not answer in time (overloaded): try again later. */
  unavailable: 'unavailable',
  internal: 'internal',
} as const
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode]

export interface ErrorDetail {
  /** Where the problem is: a file line, a field, a parameter. */
  line?: number
  column?: string
  value?: string
  reason: string
}

export class AppError extends Error {
  readonly code: ErrorCode
  readonly userMessage: string
  readonly details: readonly ErrorDetail[]

  constructor(code: ErrorCode, message: string, userMessage: string, details: readonly ErrorDetail[] = []) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.userMessage = userMessage
    this.details = details
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError
}
