import { isAppError } from '../domain/shared/app-error.js'
import type { CliContext } from './cli-context.js'

/**
 * With `--json`, a command that fails on bad data still answers on stdout, as JSON a script can
 * read: `{ "ok": false, "error": …, "errors": [{ "line", "column", "value", "reason" }] }`. The
 * Vietnamese message still goes to stderr and the exit code is still 1 (the error is rethrown).
 */
export async function reportingJsonErrors<T>(json: boolean, context: Pick<CliContext, 'stdout'>, about: Record<string, unknown>, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (json && isAppError(error)) {
      context.stdout(JSON.stringify({ ok: false, ...about, code: error.code, error: error.userMessage, errors: error.details }))
    }
    throw error
  }
}
