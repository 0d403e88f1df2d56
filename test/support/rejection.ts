import { isAppError, type AppError } from '../../src/domain/shared/app-error.js'

/** The AppError a promise is rejected with; fails the test if it resolves or throws something else. */
export async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise
  } catch (error) {
    if (isAppError(error)) return error
    throw error
  }
  throw new Error('expected a rejection')
}
