import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { importFeedback } from '../../src/modules/feedback/import-feedback.js'
import { rejection } from '../support/rejection.js'
import { tempDir, writeCsv, writeXlsx } from '../support/files.js'
import { loadSmallDistrict } from '../support/small-district.js'
import { createTestDatabase } from '../support/test-database.js'

let handle: DatabaseHandle
const dir = tempDir()
const strict = { skipInvalid: false, ignoreUnknown: false }

const GOOD = [
  'code,unit_code,received_at,channel,summary,procedure_code,dossier_code,classification,classified_at,handled_at,published_at,reaction',
  'PA-01,H23.07.01,29/4/2022 10:00,Trực tuyến,Hồ sơ khai sinh trả chậm,1.001193,H23.07.01-220429-001,Quy định,04/5/2022,24/5/2022 10:00,26/5/2022 09:00,Hài lòng',
  'PA-01,H23.07.02,2022-05-10T09:00:00+07:00,điện thoại,Cán bộ không hướng dẫn,,,hành vi,,,,',
]

beforeAll(async () => {
  handle = await createTestDatabase()
  // The dossier PA-01 of An Thanh names (a named dossier must exist in the item's unit).
  await loadSmallDistrict(handle, ['H23.07.01-220429-001,H23.07.01,1.001193,online,2022-04-29T08:00:00+07:00,,2022-04-29T10:00:00+07:00,,finished,1,1,true,0,false,0,'])
})
afterAll(async () => handle.close())

const snapshot = () => handle.db.selectFrom('feedback').selectAll().orderBy('id').execute()
const audits = async () => (await handle.db.selectFrom('audit_log').select('action').where('action', '=', 'import.feedback').execute()).length

describe('importing feedback (phản ánh, kiến nghị)', () => {
  it('Vietnamese values and dates come in; the same code in two communes is two items; one audit row', async () => {
    const summary = await importFeedback(handle, writeCsv(dir, 'feedback.csv', GOOD), strict)
    expect(summary).toMatchObject({ kind: 'feedback', read: 2, inserted: 2, updated: 0, unchanged: 0, rejected: 0 })
    const rows = await snapshot()
    expect(rows[0]).toMatchObject({ code: 'PA-01', channel: 'online', classification: 'rule', reaction: 'satisfied', procedure_code: '1.001193', repeated: null })
    expect(rows[0]!.received_at.toISOString()).toBe('2022-04-29T03:00:00.000Z')
    expect(rows[1]).toMatchObject({ channel: 'phone', classification: 'official', handled_at: null })
    expect(await audits()).toBe(1)
  })

  it('the same file twice changes nothing', async () => {
    const before = await snapshot()
    expect(await importFeedback(handle, writeCsv(dir, 'again.csv', GOOD), strict)).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 })
    expect(await snapshot()).toEqual(before)
  })

  it('a changed step updates the item', async () => {
    const changed = [GOOD[0]!, GOOD[1]!, GOOD[2]!.replace(',hành vi,,,,', ',hành vi,,2022-05-12T09:00:00+07:00,,')]
    expect(await importFeedback(handle, writeCsv(dir, 'changed.csv', changed), strict)).toMatchObject({ updated: 1, unchanged: 1 })
  })

  it('bad rows name their line, column, value and reason in Vietnamese, and nothing is written', async () => {
    const before = await snapshot()
    const auditsBefore = await audits()
    const bad = [
      GOOD[0]!,
      'PA-02,H23.07.01,2022-05-02T09:00:00+07:00,fax,Nội dung,,,,,,,',
      'PA-03,H23.99,2022-05-02T09:00:00+07:00,online,Nội dung,,,,,,,',
      'PA-04,H23.07.01,2022-05-02T09:00:00+07:00,online,Nội dung,,,,,,2022-05-03T09:00:00+07:00,',
      'PA-05,H23.07.01,2022-05-02T09:00:00+07:00,online,Nội dung,,,,,2022-04-30T09:00:00+07:00,,',
      'PA-06,H23.07.01,2022-05-02T09:00:00+07:00,online,Một,,,,,,,',
      'PA-06,H23.07.01,2022-05-02T09:00:00+07:00,online,Hai,,,,,,,',
    ]
    const error = await rejection(importFeedback(handle, writeCsv(dir, 'bad.csv', bad), strict))
    expect(error.userMessage).toContain('có 5 dòng lỗi, không có dữ liệu nào được ghi')
    expect(error.userMessage).toContain('dòng 2, cột channel (giá trị "fax"): giá trị không hợp lệ; dùng một trong: online, direct, phone, postal, email')
    expect(error.userMessage).toContain('dòng 3, cột unit_code (giá trị "H23.99"): không có đơn vị với mã này')
    expect(error.userMessage).toContain('dòng 4, cột published_at (giá trị "2022-05-03T02:00:00.000Z"): có ngày công khai kết quả nhưng chưa có ngày xử lý xong')
    expect(error.userMessage).toContain('dòng 5, cột handled_at (giá trị "2022-04-30T02:00:00.000Z"): ngày xử lý xong trước ngày tiếp nhận phản ánh')
    expect(error.userMessage).toContain('dòng 7, cột code (giá trị "PA-06"): mã phản ánh trùng với dòng 6 (cùng đơn vị)')
    expect(await snapshot()).toEqual(before)
    expect(await audits()).toBe(auditsBefore)
  })

  it('--skip-invalid writes the valid rows and puts the others beside the file', async () => {
    const mixed = [GOOD[0]!, 'PA-10,H23.07.01,2022-06-01T09:00:00+07:00,online,Nội dung,,,,,,,', 'PA-11,H23.07.01,2022-06-01T09:00:00+07:00,fax,Nội dung,,,,,,,']
    const summary = await importFeedback(handle, writeCsv(dir, 'mixed.csv', mixed), { ...strict, skipInvalid: true })
    expect(summary).toMatchObject({ inserted: 1, rejected: 1 })
    expect(summary.rejectedFile).toMatch(/mixed\.rejected\.csv$/)
  })

  it('an XLSX file with the Vietnamese headers imports the same way', async () => {
    const path = await writeXlsx(dir, 'phan-anh.xlsx', [
      ['Mã phản ánh', 'Mã đơn vị tiếp nhận', 'Ngày tiếp nhận', 'Hình thức tiếp nhận', 'Nội dung tóm tắt', 'Phân loại', 'Phản ánh lặp lại'],
      ['PA-20', 'H23.07.02', '02/6/2022 08:30', 'đường dây nóng', 'Lệ phí thu sai', 'quy định', 'có'],
    ])
    expect(await importFeedback(handle, path, strict)).toMatchObject({ inserted: 1 })
    const row = await handle.db.selectFrom('feedback').selectAll().where('code', '=', 'PA-20').executeTakeFirstOrThrow()
    expect(row).toMatchObject({ channel: 'phone', classification: 'rule', repeated: true })
  })
})
