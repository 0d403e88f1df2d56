import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { importProcedures } from '../../src/modules/procedures/import-procedures.js'
import { importUnits } from '../../src/modules/units/import-units.js'
import { createTestDatabase } from '../support/test-database.js'
import { rejection } from '../support/rejection.js'
import { PROCEDURES_CSV, tempDir, UNITS_CSV, writeCsv, writeXlsx } from '../support/files.js'

let handle: DatabaseHandle
const dir = tempDir()
const strict = { skipInvalid: false, ignoreUnknown: false }

beforeAll(async () => {
  handle = await createTestDatabase()
})
afterAll(async () => handle.close())

describe('importing units', () => {
  it('a province, a district and two communes come in, with a parent given later in the file', async () => {
    const summary = await importUnits(handle, writeCsv(dir, 'units.csv', UNITS_CSV), strict)
    expect(summary).toMatchObject({ read: 4, inserted: 4, updated: 0, unchanged: 0, rejected: 0 })
    const closure = await handle.db
      .selectFrom('unit_closure')
      .innerJoin('units as a', 'a.id', 'unit_closure.ancestor_id')
      .innerJoin('units as d', 'd.id', 'unit_closure.descendant_id')
      .select(['d.code', 'unit_closure.depth'])
      .where('a.code', '=', 'H23')
      .orderBy('d.code')
      .execute()
    expect(closure).toEqual([
      { code: 'H23', depth: 0 },
      { code: 'H23.07', depth: 1 },
      { code: 'H23.07.01', depth: 2 },
      { code: 'H23.07.02', depth: 2 },
    ])
  })

  it('the same file twice changes nothing the second time', async () => {
    const summary = await importUnits(handle, writeCsv(dir, 'units-again.csv', UNITS_CSV), strict)
    expect(summary).toMatchObject({ inserted: 0, updated: 0, unchanged: 4 })
  })

  it('Vietnamese headers and values are read, a renamed commune is an update', async () => {
    const path = writeCsv(dir, 'don-vi.csv', ['Mã đơn vị,Tên đơn vị,Loại đơn vị,Mã đơn vị cấp trên', 'H23.07.02,Xã Quang Trung (mới),Xã,H23.07'])
    const summary = await importUnits(handle, path, strict)
    expect(summary).toMatchObject({ inserted: 0, updated: 1, unchanged: 0 })
  })

  it('an unknown parent, a cycle and a duplicate code are each reported by line, and nothing is written', async () => {
    const before = await handle.db.selectFrom('units').selectAll().orderBy('id').execute()
    const path = writeCsv(dir, 'bad-units.csv', [
      'code,name,kind,parent_code',
      'H23.07.03,Xã Quang Khải,commune,H99',
      'X1,Một,commune,X2',
      'X2,Hai,commune,X1',
      'H23.07.03,Xã Quang Khải,commune,H23.07',
      'H23.07.04,Xã Dân Chủ,village,H23.07',
    ])
    const error = await rejection(importUnits(handle, path, strict))
    expect(error.userMessage).toContain('dòng 2, cột parent_code (giá trị "H99")')
    expect(error.userMessage).toContain('dòng 3, cột parent_code')
    expect(error.userMessage).toContain('vòng lặp')
    expect(error.userMessage).toContain('dòng 5, cột code (giá trị "H23.07.03"): mã trùng với dòng 2')
    expect(error.userMessage).toContain('dòng 6, cột kind (giá trị "village")')
    expect(await handle.db.selectFrom('units').selectAll().orderBy('id').execute()).toEqual(before)
  })

  it('with --skip-invalid the good rows are written and the bad ones go to a file beside the input', async () => {
    const path = writeCsv(dir, 'mixed-units.csv', ['code,name,kind,parent_code', 'H23.07.05,Xã Dân Chủ,commune,H23.07', 'H23.07.06,Xã Lỗi,,H23.07'])
    const summary = await importUnits(handle, path, { ...strict, skipInvalid: true })
    expect(summary).toMatchObject({ inserted: 1, rejected: 1, rejectedFile: `${dir}/mixed-units.rejected.csv` })
  })

  it('an unknown column is an error unless ignored; a missing required one always is', async () => {
    const extra = writeCsv(dir, 'extra.csv', ['code,name,kind,parent_code,ghi_chu', 'H23.07.07,Xã Hà Kỳ,commune,H23.07,'])
    expect((await rejection(importUnits(handle, extra, strict))).userMessage).toContain('cột ghi_chu')
    expect((await importUnits(handle, extra, { ...strict, ignoreUnknown: true })).inserted).toBe(1)
    const missing = writeCsv(dir, 'missing.csv', ['code,name', 'H23.07.08,Xã Hà Thanh'])
    expect((await rejection(importUnits(handle, missing, strict))).userMessage).toContain('thiếu cột bắt buộc kind')
  })

  it('XLSX files are read from their first sheet', async () => {
    const path = await writeXlsx(dir, 'units.xlsx', [
      ['Mã đơn vị', 'Tên đơn vị', 'Loại đơn vị', 'Mã đơn vị cấp trên'],
      ['H23.07.09', 'Xã Tân Kỳ', 'xã', 'H23.07'],
    ])
    expect(await importUnits(handle, path, strict)).toMatchObject({ inserted: 1 })
  })
})

describe('importing procedures', () => {
  it('procedures come in as version 1, a changed fee makes version 2 and the same file changes nothing', async () => {
    expect(await importProcedures(handle, writeCsv(dir, 'procedures.csv', PROCEDURES_CSV), strict)).toMatchObject({ inserted: 3 })
    expect(await importProcedures(handle, writeCsv(dir, 'procedures2.csv', PROCEDURES_CSV), strict)).toMatchObject({ unchanged: 3 })
    const changed = PROCEDURES_CSV.map((line) => line.replace(',2000,15:00', ',3000,15:00'))
    expect(await importProcedures(handle, writeCsv(dir, 'procedures3.csv', changed), strict)).toMatchObject({ updated: 1, unchanged: 2 })
    const versions = await handle.db
      .selectFrom('procedure_versions')
      .innerJoin('procedures', 'procedures.id', 'procedure_versions.procedure_id')
      .select(['version', 'fee_vnd'])
      .where('procedures.code', '=', '2.000815')
      .orderBy('version')
      .execute()
    expect(versions.map((v) => [v.version, Number(v.fee_vnd)])).toEqual([[1, 2000], [2, 3000]])
  })

  it('Vietnamese levels and decimal commas are understood; bad values are reported', async () => {
    const path = writeCsv(dir, 'tthc.csv', [
      'Mã TTHC,Tên TTHC,Lĩnh vực,Cấp thực hiện,Mức độ DVC trực tuyến,Thời hạn giải quyết (ngày làm việc),Phí lệ phí (đồng)',
      '1.000894,Thủ tục đăng ký kết hôn,Hộ tịch,Xã,Toàn trình,"0,5",0',
      '1.000656,Thủ tục đăng ký khai tử,Hộ tịch,Thôn,Một phần,-1,abc',
    ])
    const error = await rejection(importProcedures(handle, path, strict))
    expect(error.userMessage).toContain('dòng 3, cột level (giá trị "Thôn")')
    expect(error.userMessage).toContain('dòng 3, cột processing_days (giá trị "-1")')
    expect(error.userMessage).toContain('dòng 3, cột fee_vnd (giá trị "abc")')
  })
})
