import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { cellReader, mapHeader, type ColumnSpec } from './columns.js'
import { formatImportIssue, type ImportIssue } from './import-issue.js'
import { MAX_REPORTED_ISSUES } from './import-summary.js'
import { RowParser } from './row-parser.js'
import type { TabularFile } from './tabular-file.js'

export interface ParsedRow<T> {
  line: number
  cells: string[]
  value: T
}

export interface InvalidRow<T = unknown> {
  line: number
  cells: string[]
  issues: ImportIssue[]
  /** What could be read of it (null when its cells could not be matched to the header). */
  value?: T | null
}

export interface RowsRead<T> {
  header: string[]
  valid: ParsedRow<T>[]
  invalid: InvalidRow<T>[]
}

export interface ReadOptions {
  ignoreUnknown: boolean
}

/** Thrown when a file cannot be imported as it is: every issue is listed. */
export function importRejected(file: string, issues: readonly ImportIssue[], rejectedRows: number): AppError {
  const shown = issues.slice(0, MAX_REPORTED_ISSUES)
  return new AppError(
    ErrorCode.validation,
    `${file}: ${rejectedRows} invalid row(s), nothing imported`,
    `Tệp ${file} có ${rejectedRows > 0 ? `${rejectedRows} dòng lỗi` : 'lỗi'}, không có dữ liệu nào được ghi:\n${shown.map(formatImportIssue).join('\n')}${issues.length > shown.length ? `\n… và ${issues.length - shown.length} lỗi khác` : ''}`,
    shown.map((issue) => ({ line: issue.line, ...(issue.column ? { column: issue.column } : {}), ...(issue.value !== null ? { value: issue.value } : {}), reason: issue.reason })),
  )
}

/** Reads a small file (units, procedures) whole: header check, then every row parsed. */
export async function readAllRows<Name extends string, T>(
  file: TabularFile,
  fileName: string,
  columns: readonly ColumnSpec<Name>[],
  options: ReadOptions,
  parseRow: (row: RowParser<Name>) => T,
): Promise<RowsRead<T>> {
  const { index, issues } = mapHeader(file.header, columns, options.ignoreUnknown)
  if (issues.length > 0) throw importRejected(fileName, issues, 0)
  const result: RowsRead<T> = { header: file.header, valid: [], invalid: [] }
  for await (const { line, cells, problems, readable } of file.rows) {
    const row = new RowParser(line, cellReader(index, cells), problems)
    const value = readable ? parseRow(row) : null
    if (row.issues.length > 0 || value === null) result.invalid.push({ line, cells, issues: row.issues, value })
    else result.valid.push({ line, cells, value })
  }
  return result
}

/**
 * Names every row whose key (a code) repeats an earlier row's — whether that earlier row is
 * valid or not, so a repeated code is reported even when the first row carrying it was
 * rejected for something else. A valid row becomes invalid; an invalid one gets one more issue.
 * `keyOf` returns null for a row with no usable key (an empty code).
 */
export function rejectRepeatedKeys<T>(
  rows: Pick<RowsRead<T>, 'valid' | 'invalid'>,
  keyOf: (value: T) => string | null,
  issueFor: (line: number, value: T, firstLine: number) => ImportIssue,
): { valid: ParsedRow<T>[]; invalid: InvalidRow<T>[] } {
  type Entry = { row: ParsedRow<T>; invalid: null } | { row: InvalidRow<T>; invalid: InvalidRow<T> }
  const entries: Entry[] = [
    ...rows.valid.map((row): Entry => ({ row, invalid: null })),
    ...rows.invalid.map((row): Entry => ({ row, invalid: { ...row, issues: [...row.issues] } })),
  ].sort((a, b) => a.row.line - b.row.line)
  const firstLine = new Map<string, number>()
  const valid: ParsedRow<T>[] = []
  const invalid: InvalidRow<T>[] = []
  for (const entry of entries) {
    const value = entry.invalid ? entry.invalid.value : entry.row.value
    const key = value === null || value === undefined ? null : keyOf(value)
    const seen = key === null ? undefined : firstLine.get(key)
    if (key !== null && seen === undefined) firstLine.set(key, entry.row.line)
    const repeat = seen === undefined || value === null || value === undefined ? null : issueFor(entry.row.line, value, seen)
    if (entry.invalid) invalid.push(repeat ? { ...entry.invalid, issues: [...entry.invalid.issues, repeat] } : entry.invalid)
    else if (repeat) invalid.push({ line: entry.row.line, cells: entry.row.cells, issues: [repeat], value: entry.row.value })
    else valid.push(entry.row)
  }
  return { valid, invalid }
}

/** A code used by more than one row of the same file: every row after the first is named. */
export function rejectRepeatedCodes<T extends { code: string }>(rows: Pick<RowsRead<T>, 'valid' | 'invalid'>, noun = 'mã'): { valid: ParsedRow<T>[]; invalid: InvalidRow<T>[] } {
  return rejectRepeatedKeys(
    rows,
    (value) => (value.code === '' ? null : value.code),
    (line, value, firstLine) => ({ line, column: 'code', value: value.code, reason: `${noun} trùng với dòng ${firstLine}` }),
  )
}
