import { readSpreadsheetSafe } from '../../domain/text/spreadsheet-safe.js'
import type { ImportIssue } from './import-issue.js'
import { normalizeKey } from './normalize-text.js'

export interface ColumnSpec<Name extends string = string> {
  name: Name
  required: boolean
  /** The Vietnamese header of INTERCHANGE.md. */
  vietnamese: string
}

export type ColumnIndex<Name extends string> = ReadonlyMap<Name, number>

/**
 * Matches a header row to the canonical columns. Column order is free; unknown columns are
 * errors unless ignored; a required column missing is an error; so is a column given twice.
 */
export function mapHeader<Name extends string>(
  header: readonly string[],
  columns: readonly ColumnSpec<Name>[],
  ignoreUnknown: boolean,
): { index: ColumnIndex<Name>; issues: ImportIssue[] } {
  const byKey = new Map<string, Name>()
  for (const column of columns) {
    byKey.set(normalizeKey(column.name), column.name)
    byKey.set(normalizeKey(column.vietnamese), column.name)
  }
  const index = new Map<Name, number>()
  const issues: ImportIssue[] = []
  header.forEach((title, position) => {
    const name = byKey.get(normalizeKey(title))
    if (name === undefined) {
      if (!ignoreUnknown && title.trim() !== '') {
        issues.push({ line: 1, column: title, value: null, reason: 'cột không được hỗ trợ (dùng --ignore-unknown để bỏ qua)' })
      }
      return
    }
    if (index.has(name)) {
      issues.push({ line: 1, column: title, value: null, reason: `cột ${name} xuất hiện hai lần` })
      return
    }
    index.set(name, position)
  })
  for (const column of columns) {
    if (column.required && !index.has(column.name)) {
      issues.push({ line: 1, column: column.name, value: null, reason: `thiếu cột bắt buộc ${column.name} (${column.vietnamese})` })
    }
  }
  return { index, issues }
}

/**
 * Reads cells by canonical name; an absent column reads as empty. The apostrophe motcua puts
 * before a formula-like cell in the files it writes (spreadsheet-safe.ts) is taken off again, so
 * an export or a fixed rejected-rows file imports back to the same values.
 */
export function cellReader<Name extends string>(index: ColumnIndex<Name>, cells: readonly string[]): (name: Name) => string {
  return (name) => {
    const position = index.get(name)
    return position === undefined ? '' : readSpreadsheetSafe((cells[position] ?? '').trim()).trim()
  }
}
