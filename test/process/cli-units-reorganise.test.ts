import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DOSSIER_HEADER, PROCEDURES_CSV, tempDir, UNITS_CSV, writeCsv, writeXlsx } from '../support/files.js'
import { runCli } from '../support/run-cli.js'
import { useProcessDatabase } from '../support/test-database.js'

/*
 * `units reorganise FILE [--dry-run]` as an operator runs it: a file of old codes → new code, a
 * dry run that prints what moves and changes nothing, a bad file refused by row, field and
 * reason, then the reorganisation applied and a late dossier of a dissolved commune refused.
 */

const dir = tempDir()
const dataDir = join(dir, 'data')
const processDatabase = useProcessDatabase()
const cli = (...args: string[]) => runCli([...args, '--data', dataDir], processDatabase.env())

describe('units reorganise', () => {
  it('dry run, refusal of a bad file, the reorganisation, and a dossier of a dissolved commune refused naming the successor', async () => {
    expect((await cli('import', 'units', writeCsv(dir, 'units.csv', UNITS_CSV))).code).toBe(0)
    expect((await cli('import', 'procedures', writeCsv(dir, 'procedures.csv', PROCEDURES_CSV))).code).toBe(0)
    const file = await writeXlsx(dir, 'sap-xep.xlsx', [
      ['Mã đơn vị cũ', 'Mã đơn vị mới', 'Ngày hiệu lực', 'Tên đơn vị mới', 'Loại đơn vị mới', 'Mã đơn vị cấp trên mới'],
      ['H23.07.01', 'H31.07.2', '2025-07-01', 'Xã Tân Kỳ', 'xã', 'H23'],
      ['H23.07.02', 'H31.07.2', '2025-07-01', '', '', ''],
    ])

    const dry = await cli('units', 'reorganise', file, '--dry-run')
    expect(dry.code).toBe(0)
    expect(dry.stdout).toContain('Chạy thử')
    expect(dry.stdout).toContain('+ H31.07.2 Xã Tân Kỳ')
    expect(dry.stdout).toContain('− H23.07.01')
    const unchanged = await cli('indicators', '--unit', 'H31.07.2', '--from', '2022-09-01', '--to', '2022-09-30')
    expect(unchanged.code).not.toBe(0)

    const bad = await writeXlsx(dir, 'sai.xlsx', [
      ['Mã đơn vị cũ', 'Mã đơn vị mới', 'Ngày hiệu lực', 'Tên đơn vị mới', 'Loại đơn vị mới', 'Mã đơn vị cấp trên mới'],
      ['H23.07.99', 'H31.07.9', '2025-07-01', 'Xã Chín', 'xã', 'H23'],
      ['H23.07.01', 'H31.07.8', 'ngày mai', 'Xã Tám', 'xã', 'H23'],
    ])
    const refused = await cli('units', 'reorganise', bad)
    expect(refused.code).not.toBe(0)
    expect(refused.stderr).toMatch(/Dòng 2.*old_code|Dòng 2.*Mã đơn vị cũ/is)
    expect(refused.stderr).toMatch(/Dòng 3.*date|Dòng 3.*Ngày hiệu lực/is)

    const applied = await cli('units', 'reorganise', file, '--json')
    expect(applied.code).toBe(0)
    expect(JSON.parse(applied.stdout)).toMatchObject({ ok: true, applied: true })

    const late = writeCsv(dir, 'late.csv', [DOSSIER_HEADER, 'LATE-1,H23.07.01,1.001193,online,2025-07-02T08:00:00,,,,received,2,2,,0,,0,'])
    const lateImport = await cli('import', 'dossiers', late)
    expect(lateImport.code).not.toBe(0)
    expect(lateImport.stderr).toContain('H31.07.2 (Xã Tân Kỳ)')
  })
})
