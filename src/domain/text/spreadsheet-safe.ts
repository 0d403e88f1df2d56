/**
 * CSV files are opened in Excel or LibreOffice, which run a cell beginning with = + - @ (or a tab
 * or carriage return before one) as a formula: =HYPERLINK(…) or a DDE call planted in a
 * dossier file would run on the officer's computer. OWASP's remedy: prefix such a cell with an
 * apostrophe, which the spreadsheet shows as text. Plain numbers ("-5", "+84") are left alone —
 * they are numbers, not formulas — and a value already beginning with apostrophes before a
 * trigger gets one more, so that `readSpreadsheetSafe` gives back exactly what was written.
 */
const TRIGGER = /^'*[=+\-@\t\r]/
const PLAIN_NUMBER = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/

export function spreadsheetSafe(value: string): string {
  return TRIGGER.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value
}

/** The inverse, for files motcua wrote and a person brings back (a fixed rejected-rows file, an export). */
export function readSpreadsheetSafe(value: string): string {
  return value.startsWith("'") && TRIGGER.test(value) ? value.slice(1) : value
}
