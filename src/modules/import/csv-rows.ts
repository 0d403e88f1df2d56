import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import type { ImportIssue } from './import-issue.js'
import type { TabularRow } from './tabular-file.js'
import type { Utf8LineCheck } from './utf8-line-check.js'

/** What csv-parse yields with `info: true`: the cells and the last line the record ends on. */
export interface CsvRecord {
  record: string[]
  info: { lines: number }
}

export function fileError(message: string, userMessage: string, line?: number): AppError {
  return new AppError(ErrorCode.validation, message, userMessage, line === undefined ? [] : [{ line, reason: userMessage }])
}

/**
 * A csv-parse error as the file's error, in Vietnamese, at the file's own line: `lineOffset`
 * is how many lines of the file come before the bytes parsed (a piece read by a worker).
 */
export function csvErrorTranslator(lineOffset: number): (error: unknown) => never {
  return (error) => {
    if (error instanceof AppError) throw error
    const e = error as { code?: string; lines?: number; message?: string }
    const line = (e.lines ?? 0) + lineOffset
    const message = (e.message ?? String(error)).replace(/line \d+/, `line ${line}`)
    if (e.code === 'CSV_QUOTE_NOT_CLOSED') throw fileError(message, `Tệp bị cắt cụt hoặc thiếu dấu ngoặc kép đóng (từ dòng ${line})`, line)
    throw fileError(message, `Không đọc được tệp CSV (dòng ${line}): ${message}`, line)
  }
}

/**
 * The data rows of a CSV text after `previousEnd` (the last line already read: the header's, or
 * the line before a piece), numbered by the file's own lines, with what is wrong with each as text.
 */
export async function* csvRows(
  iterator: AsyncIterator<CsvRecord>,
  utf8: Utf8LineCheck,
  headerWidth: number,
  previousEnd: number,
  lineOffset: number,
  done: () => void,
): AsyncGenerator<TabularRow> {
  const translate = csvErrorTranslator(lineOffset)
  try {
    for (;;) {
      const next = await iterator.next().catch(translate)
      if (next.done) return
      const { record: cells, info } = next.value
      const [firstLine, line] = [previousEnd + 1, info.lines + lineOffset]
      previousEnd = line
      // A row of empty cells (e.g. trailing commas from spreadsheets) is no data.
      if (cells.every((cell) => cell.trim() === '')) continue
      const problems: ImportIssue[] = []
      const badLine = utf8.firstBadLineIn(firstLine, line)
      if (badLine !== null) {
        problems.push({ line: badLine, column: null, value: null, reason: 'dòng có ký tự không phải mã UTF-8 (tệp lưu bằng bảng mã khác?): hãy lưu lại dưới dạng CSV UTF-8' })
      }
      const readable = cells.length === headerWidth
      if (!readable) {
        problems.push({ line, column: null, value: null, reason: `dòng có ${cells.length} cột, khác với ${headerWidth} cột của dòng tiêu đề (bị cắt cụt hoặc thừa dấu phẩy)` })
      }
      yield { line, cells, problems, readable }
    }
  } finally {
    done()
  }
}
