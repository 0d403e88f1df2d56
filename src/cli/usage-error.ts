import { AppError, ErrorCode } from '../domain/shared/app-error.js'

export function usageError(message: string, usage: string): AppError {
  return new AppError(ErrorCode.validation, `usage: ${message}`, `${message}\nCách dùng: ${usage}`)
}
