import { spreadsheetSafe } from '../../domain/text/spreadsheet-safe.js'

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}

/** One CSV line, fields quoted only when needed: for PostgreSQL's COPY, which must get the values as they are. */
export function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\n`
}

/**
 * One CSV line of a file a person will open in a spreadsheet (exports, rejected rows): a cell
 * that would run as a formula gets an apostrophe before it (spreadsheet-safe.ts); the importer
 * takes it off again.
 */
export function spreadsheetCsvLine(fields: readonly string[]): string {
  return csvLine(fields.map(spreadsheetSafe))
}
