import { AppError, ErrorCode } from './app-error.js'

/** A 429 that says when to come back: the HTTP answer carries it as Retry-After (seconds). */
export class TooManyRequestsError extends AppError {
  readonly retryAfterSeconds: number

  constructor(message: string, userMessage: string, retryAfterSeconds: number) {
    super(ErrorCode.tooManyRequests, message, userMessage)
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterSeconds))
  }
}
