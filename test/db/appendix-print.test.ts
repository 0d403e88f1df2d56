import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { INDICATOR_GROUPS } from '../../src/domain/reports/indicator-groups.js'
import { periodLabel } from '../../src/domain/reports/letter-dates.js'
import { importDossiers } from '../../src/modules/dossiers/import/import-dossiers.js'
import { importProcedures } from '../../src/modules/procedures/import-procedures.js'
import { generateReport } from '../../src/modules/reports/generate-report.js'
import { importUnits } from '../../src/modules/units/import-units.js'
import { tempDir, writeCsv } from '../support/files.js'
import { buildLetterDossiers, DISTRICT_CODE, dossiersCsvLines, proceduresCsvLines, unitsCsvLines, WEEK } from '../support/seed-letter-data.js'
import { createTestDatabase } from '../support/test-database.js'

/*
 * Issue 11, item 9: the appendix prints. Read back with exceljs: every sheet A4 landscape, fitted
 * to the width of the page but never so wide that the type becomes tiny, its title and column
 * headings repeated on every page, the unit and period in the page header; the notes on one page.
 */

const strict = { skipInvalid: false, ignoreUnknown: false }
const dir = tempDir()
let handle: DatabaseHandle
let book: ExcelJS.Workbook

/** About how many character widths an A4 landscape page holds at 100 % with the appendix's margins. */
const READABLE_WIDTH = 150

beforeAll(async () => {
  handle = await createTestDatabase()
  await importUnits(handle, writeCsv(dir, 'units.csv', unitsCsvLines()), strict)
  await importProcedures(handle, writeCsv(dir, 'procedures.csv', proceduresCsvLines()), strict)
  await importDossiers(handle, writeCsv(dir, 'dossiers.csv', dossiersCsvLines(buildLetterDossiers())), strict)
  const report = await generateReport(handle.db, { kind: 'appendix', unitCode: DISTRICT_CODE, from: WEEK.from, to: WEEK.to }, { actor: 'test' })
  book = new ExcelJS.Workbook()
  await book.xlsx.load(report.bytes as unknown as ArrayBuffer)
})
afterAll(async () => handle?.close())

const tables = () => book.worksheets.filter((s) => s.name !== 'Ghi chú')

describe('the appendix on paper', () => {
  it('every table sheet is A4 landscape, fitted to one page wide, with rows 1–4 (title and headings) repeated on each page', () => {
    expect(tables().length).toBeGreaterThanOrEqual(INDICATOR_GROUPS.length)
    for (const sheet of tables()) {
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:4' })
    }
  })

  it('no sheet is wider than a landscape page can show at a readable size: wide groups are split over sheets, whole indicators each', () => {
    for (const sheet of tables()) {
      const width = sheet.columns.reduce((n, c) => n + (c.width ?? 8.43), 0)
      expect(width, sheet.name).toBeLessThanOrEqual(READABLE_WIDTH)
    }
    // Every indicator of every group is still in the workbook, under its group's sheets.
    for (const group of INDICATOR_GROUPS) {
      const sheets = tables().filter((s) => s.name === group.sheet || s.name.startsWith(`${group.sheet} (`))
      const titles = sheets.flatMap((s) => Array.from({ length: s.columnCount }, (_, i) => s.getCell(3, i + 1).value)).filter((v) => typeof v === 'string')
      expect(sheets[0]?.name).toBe(group.sheet)
      expect(sheets.every((s) => s.getCell(1, 1).value === sheets[0]!.getCell(1, 1).value)).toBe(true)
      expect(new Set(titles).size).toBeGreaterThanOrEqual(group.indicators.length)
    }
  })

  it('each page carries the unit and the period in its header and the page number in its footer', () => {
    for (const sheet of book.worksheets) {
      expect(sheet.headerFooter.oddHeader).toContain('Huyện Tứ Kỳ (H23.07)')
      expect(sheet.headerFooter.oddHeader).toContain(periodLabel({ from: WEEK.from, to: WEEK.to }))
      expect(sheet.headerFooter.oddFooter).toContain('&P')
    }
  })

  it('the notes sheet prints on one page', () => {
    expect(book.getWorksheet('Ghi chú')!.pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1, fitToHeight: 1 })
  })
})
