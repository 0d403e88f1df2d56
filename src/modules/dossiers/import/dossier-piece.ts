import { Readable } from 'node:stream'
import { parse as parseCsv } from 'csv-parse'
import type { CalendarDay } from '../../../domain/calendar/calendar-day.js'
import { WorkingCalendar } from '../../../domain/calendar/working-calendar.js'
import { daysForYearFrom } from '../../calendar/load-working-calendar.js'
import { cellReader } from '../../import/columns.js'
import type { CsvPiece } from '../../import/csv-pieces.js'
import { csvRows, type CsvRecord } from '../../import/csv-rows.js'
import type { ImportIssue } from '../../import/import-issue.js'
import { RowParser } from '../../import/row-parser.js'
import { Utf8LineCheck } from '../../import/utf8-line-check.js'
import type { DecidingUnitColumn, DossierColumn } from './dossier-columns.js'
import type { DossierLookups } from './dossier-lookups.js'
import { DueDateMemo } from './due-date-memo.js'
import { parseDossierRow } from './parse-dossier-row.js'
import { resolveDossier } from './resolve-dossier.js'
import { stagingLine } from './staging-line.js'

/** What a parser of pieces needs to know once (plain data: it is posted to worker threads). */
export interface DossierPieceSetup {
  runId: string
  columns: [DossierColumn | DecidingUnitColumn, number][]
  headerWidth: number
  recordDelimiter: '\n' | '\r\n'
  lookups: DossierLookups
  editedCalendarYears: Map<number, CalendarDay[]>
  /** Keep the cells of valid rows too (--skip-invalid writes a row refused later, as a repeat, with its cells). */
  keepCells: boolean
}

/** A row that could not be staged: its issues from reading the cells, or else from resolving the codes. */
export interface RefusedRow {
  line: number
  code: string
  cells: string[]
  parseIssues: ImportIssue[]
  resolveIssues: ImportIssue[]
}

/** The rows of one piece, in line order within each list. */
export interface PieceResult {
  read: number
  staged: { lines: number[]; codes: string[]; csv: string[]; cells: string[][] }
  refused: RefusedRow[]
}

export interface DossierPieceParser {
  parse(piece: CsvPiece): Promise<PieceResult>
}

/**
 * Parses, checks and resolves each row of a piece of the file, and writes the staging line of
 * each valid one. Whether a row repeats the code of a refused row before it is for the caller,
 * which sees the pieces in order.
 */
export function dossierPieceParser(setup: DossierPieceSetup): DossierPieceParser {
  const index = new Map(setup.columns)
  const dueDates = new DueDateMemo(new WorkingCalendar(daysForYearFrom(setup.editedCalendarYears)))
  return {
    async parse(piece) {
      const utf8 = new Utf8LineCheck(piece.firstUtf8Line)
      const parser = parseCsv({ relax_column_count: true, skip_empty_lines: true, info: true, record_delimiter: setup.recordDelimiter })
      Readable.from([piece.bytes]).pipe(utf8).on('error', (error) => parser.destroy(error)).pipe(parser)
      const iterator = parser[Symbol.asyncIterator]() as AsyncIterator<CsvRecord>
      const result: PieceResult = { read: 0, staged: { lines: [], codes: [], csv: [], cells: [] }, refused: [] }
      for await (const { line, cells, problems, readable } of csvRows(iterator, utf8, setup.headerWidth, piece.firstLine - 1, piece.firstLine - 1, () => {})) {
        result.read++
        const row = new RowParser(line, cellReader(index, cells), problems)
        const input = readable ? parseDossierRow(row) : null
        const code = readable ? row.text('code') : ''
        const resolution = input !== null && row.issues.length === 0 ? resolveDossier(line, input, setup.lookups, dueDates) : null
        if (resolution?.ok) {
          result.staged.lines.push(line)
          result.staged.codes.push(code)
          result.staged.csv.push(stagingLine(setup.runId, resolution.staged))
          if (setup.keepCells) result.staged.cells.push(cells)
        } else {
          result.refused.push({ line, code, cells, parseIssues: row.issues, resolveIssues: resolution?.issues ?? [] })
        }
      }
      return result
    },
  }
}
