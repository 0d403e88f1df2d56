import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { exportDossiers } from '../../src/modules/dossiers/export/export-dossiers.js'
import { importDossiers } from '../../src/modules/dossiers/import/import-dossiers.js'
import { importProcedures } from '../../src/modules/procedures/import-procedures.js'
import { importUnits } from '../../src/modules/units/import-units.js'
import { createTestDatabase } from '../support/test-database.js'
import { rejection } from '../support/rejection.js'
import { DOSSIER_HEADER, PROCEDURES_CSV, tempDir, UNITS_CSV, writeCsv, writeXlsx } from '../support/files.js'

let handle: DatabaseHandle
const dir = tempDir()
const strict = { skipInvalid: false, ignoreUnknown: false }

const GOOD = [
  DOSSIER_HEADER,
  // Friday 29/4/2022 15:00, 3 working days: 30/4–3/5 are holidays, so due Friday 6/5/2022 17:00.
  'HS-001,H23.07,1.001612,online,2022-04-29T15:00:00+07:00,,2022-05-05T10:00:00+07:00,2022-05-06T09:00:00+07:00,returned,3,3,true,100000,true,0,satisfied',
  'HS-002,H23.07.01,1.001193,direct,05/9/2022 08:15,,,,processing,2,1,false,0,false,0,',
  'HS-003,H23.07.01,2.000815,Trực tiếp,2022-09-05 16:00,,2022-09-06T09:00:00,,Đã xử lý xong,1,1,có,2000,không,3,Rất hài lòng',
]

beforeAll(async () => {
  handle = await createTestDatabase()
  await importUnits(handle, writeCsv(dir, 'units.csv', UNITS_CSV), strict)
  await importProcedures(handle, writeCsv(dir, 'procedures.csv', PROCEDURES_CSV), strict)
})
afterAll(async () => handle.close())

async function snapshot() {
  const dossiers = await handle.db.selectFrom('dossiers').selectAll().orderBy('code').execute()
  const events = await handle.db.selectFrom('dossier_events').selectAll().orderBy('id').execute()
  return { dossiers, events }
}

describe('importing dossiers', () => {
  it('dossiers come in with their due dates computed from the working-day calendar and one history event each', async () => {
    const summary = await importDossiers(handle, writeCsv(dir, 'dossiers.csv', GOOD), strict)
    expect(summary).toMatchObject({ read: 3, inserted: 3, updated: 0, unchanged: 0, rejected: 0 })
    const rows = await handle.db.selectFrom('dossiers').select(['code', 'due_at', 'status', 'channel', 'rating', 'ecert_copies']).orderBy('code').execute()
    expect(rows[0]!.due_at?.toISOString()).toBe('2022-05-06T10:00:00.000Z')
    // Received Monday 5/9/2022 08:15, 0 working days: due the same day at 17:00.
    expect(rows[1]!.due_at?.toISOString()).toBe('2022-09-05T10:00:00.000Z')
    // A certification received at 16:00, after its 15:00 cut-off, counts from Tuesday 6/9.
    expect(rows[2]).toMatchObject({ status: 'finished', channel: 'direct', rating: 'very_satisfied', ecert_copies: 3 })
    expect(rows[2]!.due_at?.toISOString()).toBe('2022-09-06T10:00:00.000Z')
    const events = await handle.db.selectFrom('dossier_events').select(['type', 'seq', 'status_after']).execute()
    expect(events).toHaveLength(3)
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(['imported']))
  })

  it('the same file twice changes nothing', async () => {
    const before = await snapshot()
    const summary = await importDossiers(handle, writeCsv(dir, 'dossiers-again.csv', GOOD), strict)
    expect(summary).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 })
    const after = await snapshot()
    expect(after.events).toEqual(before.events)
    expect(after.dossiers.map((d) => d.updated_at)).toEqual(before.dossiers.map((d) => d.updated_at))
  })

  it('a changed status becomes an event in the history, never a rewrite of it', async () => {
    const changed = [...GOOD]
    changed[2] = 'HS-002,H23.07.01,1.001193,direct,05/9/2022 08:15,,2022-09-05T11:00:00+07:00,,finished,2,2,true,0,false,0,'
    const summary = await importDossiers(handle, writeCsv(dir, 'dossiers-changed.csv', changed), strict)
    expect(summary).toMatchObject({ inserted: 0, updated: 1, unchanged: 2 })
    const history = await handle.db
      .selectFrom('dossier_events')
      .innerJoin('dossiers', 'dossiers.id', 'dossier_events.dossier_id')
      .select(['dossier_events.seq', 'dossier_events.type', 'dossier_events.status_after', 'dossier_events.at'])
      .where('dossiers.code', '=', 'HS-002')
      .orderBy('seq')
      .execute()
    expect(history.map((e) => [e.seq, e.type, e.status_after])).toEqual([
      [1, 'imported', 'processing'],
      [2, 'status_synced', 'finished'],
    ])
    expect(history[1]!.at.toISOString()).toBe('2022-09-05T04:00:00.000Z')
  })

  it('the database refuses to change or delete history events', async () => {
    await expect(sql`update dossier_events set actor = 'someone'`.execute(handle.db)).rejects.toThrow(/append-only/)
    await expect(sql`delete from dossier_events`.execute(handle.db)).rejects.toThrow(/append-only/)
  })

  it('every broken rule is reported with its line, column and value, and nothing is written', async () => {
    const before = await snapshot()
    const path = writeCsv(dir, 'bad.csv', [
      DOSSIER_HEADER,
      'HS-101,H99,1.001193,online,2022-09-05T08:00:00,,,,received,1,0,,0,,0,',
      'HS-102,H23.07.01,9.999999,online,2022-09-05T08:00:00,,,,received,1,0,,0,,0,',
      'HS-103,H23.07.01,1.001193,online,2022-02-30T08:00:00,,,,received,1,0,,0,,0,',
      'HS-104,H23.07.01,1.001193,online,2022-09-05T08:00:00,,,,received,2,3,,0,,0,',
      'HS-105,H23.07.01,1.001193,online,2022-09-05T08:00:00,,,,finished,1,1,,0,,0,',
      'HS-106,H23.07.01,1.001193,online,2022-09-05T08:00:00,,2022-09-04T08:00:00,,rejected,1,1,,0,,0,',
      'HS-107,H23.07.01,1.001193,online,2022-09-05T08:00:00,,,,received,1,1,,0,true,0,',
      'HS-108,H23.07.01,1.001193,fax,2022-09-05T08:00:00,,,,received,1,1,,0,,0,',
      'HS-109,H23.07.01,1.001193,online,2022-09-05T08:00:00,,,,received,1,1,,0,,0,',
      'HS-109,H23.07.01,1.001193,online,2022-09-06T08:00:00,,,,received,1,1,,0,,0,',
    ])
    const error = await rejection(importDossiers(handle, path, strict))
    const message = error.userMessage
    expect(message).toContain('9 dòng lỗi')
    expect(message).toContain('dòng 2, cột unit_code (giá trị "H99"): không có đơn vị với mã này')
    expect(message).toContain('dòng 3, cột procedure_code (giá trị "9.999999")')
    expect(message).toContain('dòng 4, cột received_at (giá trị "2022-02-30T08:00:00"): ngày không tồn tại')
    expect(message).toContain('dòng 5, cột components_digitized (giá trị "3")')
    expect(message).toContain('dòng 6, cột finished_at')
    expect(message).toContain('dòng 7, cột finished_at')
    expect(message).toContain('dòng 8, cột paid_online')
    expect(message).toContain('dòng 9, cột channel (giá trị "fax")')
    expect(message).toContain('dòng 11, cột code (giá trị "HS-109"): mã hồ sơ trùng với dòng 10')
    expect(await snapshot()).toEqual(before)
    const leftovers = await sql<{ n: number }>`select count(*) as n from import_dossier_rows`.execute(handle.db)
    expect(leftovers.rows[0]!.n).toBe(0)
  })

  it('a truncated file, a wrong encoding and an empty file are clear errors', async () => {
    const truncated = join(dir, 'truncated.csv')
    writeFileSync(truncated, `${DOSSIER_HEADER}\nHS-201,H23.07.01,1.001193,online,2022-09-05T08:00:00,,,,received,1,0,,0,,0,\n"HS-202,H23.07.01,1.0011`)
    expect((await rejection(importDossiers(handle, truncated, strict))).userMessage).toMatch(/cắt cụt/)
    const shortRow = writeCsv(dir, 'short-row.csv', [DOSSIER_HEADER, 'HS-203,H23.07.01,1.001193,online'])
    expect((await rejection(importDossiers(handle, shortRow, strict))).userMessage).toMatch(/dòng 2: dòng có 4 cột, khác với 16 cột/)
    const latin = join(dir, 'windows-1258.csv')
    writeFileSync(latin, Buffer.concat([Buffer.from(`${DOSSIER_HEADER}\nHS-204,H23.07.01,1.001193,`), Buffer.from([0x74, 0xf8, 0x63]), Buffer.from(',2022-09-05,,,,received,1,0,,0,,0,\n')]))
    expect((await rejection(importDossiers(handle, latin, strict))).userMessage).toMatch(/không phải mã UTF-8/)
    const empty = join(dir, 'empty.csv')
    writeFileSync(empty, '')
    expect((await rejection(importDossiers(handle, empty, strict))).userMessage).toMatch(/Tệp rỗng/)
    expect((await rejection(importDossiers(handle, join(dir, 'missing.csv'), strict))).userMessage).toMatch(/Không tìm thấy tệp/)
  })

  it('with --skip-invalid the valid rows are imported and the rest written beside the input with reasons', async () => {
    const path = writeCsv(dir, 'mixed.csv', [
      DOSSIER_HEADER,
      'HS-301,H23.07.01,1.001193,online,2022-09-07T08:00:00,,,,received,1,1,,0,,0,',
      'HS-302,H23.07.01,1.001193,online,2022-09-07T08:00:00,,,,received,1,2,,0,,0,',
      'HS-301,H23.07.01,1.001193,online,2022-09-07T09:00:00,,,,received,1,1,,0,,0,',
    ])
    const summary = await importDossiers(handle, path, { ...strict, skipInvalid: true })
    expect(summary).toMatchObject({ inserted: 1, rejected: 2 })
    const rejected = readFileSync(summary.rejectedFile!, 'utf8')
    expect(rejected).toContain('HS-302')
    expect(rejected).toContain('lớn hơn tổng số thành phần')
    expect(rejected).toContain('trùng với dòng 2')
  })

  it('an XLSX file with Vietnamese headers and Excel dates imports the same way', async () => {
    const path = await writeXlsx(dir, 'ho-so.xlsx', [
      ['Mã hồ sơ', 'Mã đơn vị tiếp nhận', 'Mã TTHC', 'Hình thức nộp', 'Ngày tiếp nhận', 'Trạng thái', 'Số thành phần hồ sơ', 'Số thành phần đã số hóa'],
      ['HS-401', 'H23.07.02', '1.001193', 'trực tuyến', new Date(Date.UTC(2022, 8, 9, 9, 30)), 'đã tiếp nhận', 2, 2],
    ])
    expect(await importDossiers(handle, path, strict)).toMatchObject({ inserted: 1 })
    const row = await handle.db.selectFrom('dossiers').select(['received_at', 'channel']).where('code', '=', 'HS-401').executeTakeFirstOrThrow()
    // Excel keeps wall-clock times: 09:30 in the sheet is 09:30 in Vietnam.
    expect(row.received_at.toISOString()).toBe('2022-09-09T02:30:00.000Z')
  })

  it('exported dossiers import back to the same data (CSV and XLSX)', async () => {
    for (const name of ['export.csv', 'export.xlsx']) {
      const before = await snapshot()
      const path = join(dir, name)
      const count = await exportDossiers(handle, path)
      expect(count).toBe(before.dossiers.length)
      const summary = await importDossiers(handle, path, strict)
      expect(summary).toMatchObject({ inserted: 0, updated: 0, unchanged: count })
      expect(await snapshot()).toEqual(before)
    }
  })

  it('an export can be limited to a unit subtree and a period', async () => {
    const path = join(dir, 'an-thanh.csv')
    const count = await exportDossiers(handle, path, { unitCode: 'H23.07.01', from: new Date('2022-09-05T00:00:00+07:00'), to: new Date('2022-09-06T00:00:00+07:00') })
    expect(count).toBe(2)
    expect(readFileSync(path, 'utf8').split('\n')[1]).toMatch(/^HS-00[23],H23\.07\.01,.*2022-09-05T\d\d:\d\d:\d\d\+07:00/)
  })
})
