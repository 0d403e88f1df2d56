import { readFile } from 'node:fs/promises'
import type { z } from 'zod'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'

/** Where the templates that ship with motcua are: `templates/` at the root of the repository. */
export const TEMPLATES_DIR = new URL('../../../templates/', import.meta.url)

/**
 * Reads a JSON template and checks it against its schema; every problem is reported with the
 * path inside the file, in Vietnamese, so whoever edits a template can fix it.
 */
export async function readTemplateFile<T>(path: string | URL, schema: z.ZodType<T>): Promise<T> {
  const shown = path instanceof URL ? path.pathname : path
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    throw new AppError(ErrorCode.notFound, `cannot read template ${shown}: ${(error as Error).message}`, `Không đọc được tệp mẫu ${shown}`)
  }
  let json: unknown
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    throw new AppError(ErrorCode.validation, `template ${shown} is not JSON`, `Tệp mẫu ${shown} không phải JSON hợp lệ: ${(error as Error).message}`)
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => ({ column: issue.path.join('.'), reason: issue.message }))
    throw new AppError(
      ErrorCode.validation,
      `template ${shown} does not match its schema`,
      `Tệp mẫu ${shown} không hợp lệ: ${details.map((d) => (d.column ? `${d.column}: ${d.reason}` : d.reason)).join('; ')}`,
      details,
    )
  }
  return parsed.data
}
