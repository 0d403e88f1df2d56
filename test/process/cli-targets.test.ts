import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { DOSSIER_HEADER, PROCEDURES_CSV, tempDir, UNITS_CSV, writeCsv, writeXlsx } from '../support/files.js'
import { runCli } from '../support/run-cli.js'
import { useProcessDatabase } from '../support/test-database.js'

/*
 * Targets loaded without the API (issue 11, item 7): a district that imports its data from
 * files also loads the province's targets from a file or sets one on the command line, and the
 * appendix then fills "Chỉ tiêu / Đánh giá / Còn thiếu".
 */

const dir = tempDir()
const dataDir = join(dir, 'data')
const processDatabase = useProcessDatabase()
const cli = (...args: string[]) => runCli([...args, '--data', dataDir], processDatabase.env())

/** An Thanh: `digitized` of `total` dossiers fully digitized in the week of 05/9/2022; Quang Trung all of its four. */
function weekOfDossiers(total: number, digitized: number): string[] {
  const lines = [DOSSIER_HEADER]
  for (let i = 0; i < total; i++) lines.push(`AT-${i},H23.07.01,1.001193,online,2022-09-06T08:00:00,,,,received,2,${i < digitized ? 2 : 1},,0,,0,`)
  for (let i = 0; i < 4; i++) lines.push(`QT-${i},H23.07.02,1.001193,online,2022-09-06T08:00:00,,,,received,2,2,,0,,0,`)
  return lines
}

const TARGETS_HEADER_VI = 'Chỉ số,Năm,Loại đơn vị,Mã đơn vị,Phạm vi,Chỉ tiêu (%),Văn bản giao chỉ tiêu'

async function readSheet(path: string, name: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(path)
  const sheet = workbook.getWorksheet(name)
  if (!sheet) throw new Error(`no sheet ${name}`)
  return sheet
}

/** The column of `header` (row 4) under the indicator `label` (row 3). */
function columnOf(sheet: ExcelJS.Worksheet, label: string, header: string): number {
  for (let c = 1; c <= sheet.columnCount; c++) {
    if (String(sheet.getCell(3, c).value) === label && String(sheet.getCell(4, c).value) === header) return c
  }
  throw new Error(`no column ${label} / ${header}`)
}

function rowOf(sheet: ExcelJS.Worksheet, unitCode: string): number {
  for (let r = 5; r <= sheet.rowCount; r++) if (sheet.getCell(r, 2).value === unitCode) return r
  throw new Error(`no row for ${unitCode}`)
}

describe('targets without the API', () => {
  const [total, digitized] = [10, 2]

  it('a file with bad rows is refused whole, each bad row named by line, column and reason, as JSON on stdout with --json', async () => {
    expect((await cli('import', 'units', writeCsv(dir, 'units.csv', UNITS_CSV))).code).toBe(0)
    expect((await cli('import', 'procedures', writeCsv(dir, 'procedures.csv', PROCEDURES_CSV))).code).toBe(0)
    expect((await cli('import', 'dossiers', writeCsv(dir, 'dossiers.csv', weekOfDossiers(total, digitized)))).code).toBe(0)
    const bad = writeCsv(dir, 'bad-targets.csv', [
      TARGETS_HEADER_VI,
      'Tỷ lệ số hóa đầy đủ thành phần hồ sơ,2022,xã,,,25,CV 430/UBND-VP ngày 05/4/2022 của UBND tỉnh',
      'Số hồ sơ trễ hạn,2022,xã,,,5,CV 430/UBND-VP',
      'online_rate,2022,xã,,,120,QĐ 1217/QĐ-UBND',
      'online_rate,2022,xã,H23.07.01,,50,QĐ 1217/QĐ-UBND',
      'online_rate,2022,,H99.99,,50,QĐ 1217/QĐ-UBND',
      'Tỷ lệ số hoá đầy đủ thành phần hồ sơ,2022,commune,,toàn đơn vị,30,CV khác',
      'online_payment_rate,hai nghìn,xã,,,30,',
    ])
    const result = await cli('targets', 'import', bad, '--json')
    expect(result.code).toBe(1)
    const answer = JSON.parse(result.stdout) as { ok: boolean; errors: { line: number; column?: string; reason: string }[] }
    expect(answer.ok).toBe(false)
    const where = answer.errors.map((e) => `${e.line}:${e.column ?? ''}`)
    expect(where).toEqual(['3:indicator', '4:minimum', '5:unit_code', '6:unit_code', '7:', '8:year', '8:decided_by'])
    expect(answer.errors.find((e) => e.line === 7)?.reason).toContain('dòng 2')
    expect(result.stderr).toContain('dòng 4, cột minimum (giá trị "120")')
    expect(JSON.parse((await cli('targets', 'list', '--year', '2022', '--json')).stdout)).toEqual([])
  })

  it('a good file (XLSX, Vietnamese headers) loads the targets, audited; loading it again changes nothing', async () => {
    const good = await writeXlsx(dir, 'targets.xlsx', [
      TARGETS_HEADER_VI.split(','),
      ['Tỷ lệ số hóa đầy đủ thành phần hồ sơ', 2022, 'xã', '', '', '25%', 'Chỉ tiêu UBND tỉnh giao năm 2022 (CV 430/UBND-VP ngày 05/4/2022)'],
      ['Tỷ lệ số hóa đầy đủ thành phần hồ sơ', 2022, 'huyện', '', 'riêng đơn vị', '40', 'Chỉ tiêu UBND tỉnh giao năm 2022 (CV 430/UBND-VP ngày 05/4/2022)'],
    ])
    const first = await cli('targets', 'import', good, '--json')
    expect(first.code).toBe(0)
    expect(JSON.parse(first.stdout)).toMatchObject({ kind: 'targets', inserted: 2 })
    expect(JSON.parse((await cli('import', 'targets', good, '--json')).stdout)).toMatchObject({ inserted: 0, unchanged: 2 })
    const audit = JSON.parse((await cli('audit', 'list', '--json')).stdout) as { action: string }[]
    expect(audit.filter((a) => a.action === 'import.targets')).toHaveLength(2)
  })

  it('targets set gives one unit its own target with the decision that set it; a bad value is refused', async () => {
    const set = await cli('targets', 'set', '--unit', 'H23.07.02', '--indicator', 'online_rate', '--year', '2022', '--value', '60,5', '--decision', 'Kế hoạch số 12/KH-UBND ngày 10/1/2022 của UBND huyện')
    expect(set.code).toBe(0)
    expect(set.stderr).toContain('60,5%')
    const refused = await cli('targets', 'set', '--kind', 'commune', '--indicator', 'late', '--year', '2022', '--value', '5', '--decision', 'x', '--json')
    expect(refused.code).toBe(1)
    expect(JSON.parse(refused.stdout).errors[0]).toMatchObject({ column: 'indicator' })
    const listed = JSON.parse((await cli('targets', 'list', '--year', '2022', '--json')).stdout) as { unitCode: string | null; minimum: number; decidedBy: string }[]
    expect(listed).toEqual(expect.arrayContaining([expect.objectContaining({ unitCode: 'H23.07.02', minimum: 60.5, decidedBy: expect.stringContaining('12/KH-UBND') })]))
    const audit = JSON.parse((await cli('audit', 'list', '--limit', '5', '--json')).stdout) as { action: string }[]
    expect(audit.map((a) => a.action)).toContain('target.set')
  })

  it('the appendix then fills "Chỉ tiêu / Đánh giá / Còn thiếu" for each commune', async () => {
    const out = join(dir, 'appendix.xlsx')
    expect((await cli('report', 'appendix', '--unit', 'H23.07', '--from', '2022-09-05', '--to', '2022-09-09', '--out', out)).code).toBe(0)
    const sheet = await readSheet(out, 'Số hóa')
    const label = 'Tỷ lệ số hóa đầy đủ thành phần hồ sơ'
    const [targetCol, verdictCol, gapCol] = ['Chỉ tiêu', 'Đánh giá', 'Còn thiếu (hồ sơ)'].map((h) => columnOf(sheet, label, h))
    const anThanh = rowOf(sheet, 'H23.07.01')
    expect(sheet.getCell(anThanh, targetCol!).value).toBe(0.25)
    expect(sheet.getCell(anThanh, verdictCol!).value).toBe('Chưa đạt')
    // The fewest more digitized dossiers, of the same ten, that reach 25 %.
    expect(sheet.getCell(anThanh, gapCol!).value).toBe(Math.ceil(0.25 * total) - digitized)
    expect(sheet.getCell(rowOf(sheet, 'H23.07.02'), verdictCol!).value).toBe('Đạt')
  })
})
