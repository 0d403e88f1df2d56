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

export interface RowsRead<T> {
  header: string[]
  valid: ParsedRow<T>[]
  invalid: { line: number; cells: string[]; issues: ImportIssue[] }[]
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
  for await (const { line, cells } of file.rows) {
    const row = new RowParser(line, cellReader(index, cells))
    const value = parseRow(row)
    if (row.issues.length > 0) result.invalid.push({ line, cells, issues: row.issues })
    else result.valid.push({ line, cells, value })
  }
  return result
}

/** Reports a code used by more than one row of the same file, on every row after the first. */
export function findDuplicateCodes<T extends { code: string }>(rows: readonly ParsedRow<T>[]): { line: number; cells: string[]; issues: ImportIssue[] }[] {
  const firstLine = new Map<string, number>()
  const duplicates: { line: number; cells: string[]; issues: ImportIssue[] }[] = []
  for (const row of rows) {
    const seen = firstLine.get(row.value.code)
    if (seen === undefined) firstLine.set(row.value.code, row.line)
    else duplicates.push({ line: row.line, cells: row.cells, issues: [{ line: row.line, column: 'code', value: row.value.code, reason: `mã trùng với dòng ${seen}` }] })
  }
  return duplicates
}
