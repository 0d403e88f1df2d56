import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { exportDossiers } from '../../src/modules/dossiers/export/export-dossiers.js'
import { importDossiers } from '../../src/modules/dossiers/import/import-dossiers.js'
import { computeIndex, indexInputs } from '../../src/modules/index766/compute-index.js'
import { importProcedures } from '../../src/modules/procedures/import-procedures.js'
import { importDistrictFiles } from '../support/district-files.js'
import { DOSSIER_HEADER, PROCEDURES_CSV, tempDir, writeCsv } from '../support/files.js'
import { createTestDatabase } from '../support/test-database.js'
import { rejection } from '../support/rejection.js'

/*
 * Tứ Kỳ in the second quarter of 2022, with the facts the Decision 766 index needs beyond the
 * dossiers' core: the publication of its procedures, per-dossier flags, and An Thanh's feedback.
 * Quang Trung has dossiers with no flags and no feedback at all.
 */
let handle: DatabaseHandle
const dir = tempDir()
const strict = { skipInvalid: false, ignoreUnknown: false }
const Q2 = ['2022-04-01', '2022-06-30'] as const

const FLAGS_HEADER = `${DOSSIER_HEADER},synced_national,reused_data,linked_data_store,population_data_used,result_on_paper,e_result_issued`
const DOSSIERS = [
  FLAGS_HEADER,
  'AT-1,H23.07.01,1.001193,online,2022-05-04T08:00:00+07:00,,2022-05-04T10:00:00+07:00,2022-05-04T11:00:00+07:00,returned,2,2,true,0,false,0,,true,true,true,true,true,true',
  'AT-2,H23.07.01,1.001193,direct,2022-05-05T08:00:00+07:00,,2022-05-05T10:00:00+07:00,,finished,2,2,true,0,false,0,,false,false,,true,true,false',
  'AT-3,H23.07.01,1.001193,online,2022-05-06T08:00:00+07:00,,,,processing,2,1,false,0,false,0,,true,,,,,',
  'AT-4,H23.07.01,1.001193,online,2022-05-09T08:00:00+07:00,,2022-05-09T09:00:00+07:00,,finished,2,2,true,0,false,0,,,,,,false,',
  'AT-5,H23.07.01,1.001193,online,2022-07-04T08:00:00+07:00,,,,processing,2,2,false,0,false,0,,false,false,false,false,,',
  'QT-1,H23.07.02,1.001193,online,2022-05-10T08:00:00+07:00,,,,processing,2,2,false,0,false,0,,,,,,,',
]

const PUBLICATION_HEADER = ',decision_number,decided_on,legal_basis_effective_on,made_public_on,national_db_updated_on,all_parts_published,uses_population_data'
const PROCEDURES = [
  `${PROCEDURES_CSV[0]}${PUBLICATION_HEADER}`,
  // Effective Friday 6/5/2022: the act was due by Wednesday 27/4 (on time); on the national database by 6/5 (on time).
  `${PROCEDURES_CSV[1]},120/QĐ-UBND,27/4/2022,2022-05-06,28/4/2022,2022-05-05,có,có`,
  // Its act of 27/6 needed the national database by 4/7: 5/7 is late. Effective in July: not due in Q2.
  `${PROCEDURES_CSV[2]},845/QĐ-UBND,2022-06-27,2022-07-01,2022-06-28,2022-07-05,không,không`,
  // Effective Wednesday 1/6: the act was due by 25/5; 30/5 is late. Nothing known of its national database or parts.
  `${PROCEDURES_CSV[3]},701/QĐ-UBND,2022-05-30,2022-06-01,,,,x`,
]

const FEEDBACK = [
  'code,unit_code,received_at,channel,summary,classification,classified_at,rejected_at,supplement_requested_at,handled_at,published_at,reaction,repeated',
  // Received Friday 29/4/2022: rejected Thursday 5/5, the second working day (30/4–3/5 are off) — on time.
  'PA-01,H23.07.01,2022-04-29T10:00:00+07:00,online,Phản ánh về thời hạn cấp bản sao,rule,2022-05-04,2022-05-05T16:00:00+07:00,,,,none,',
  // Handled on Tuesday 24/5, the 15th working day, made public Thursday 26/5: on time, applicant satisfied.
  'PA-02,H23.07.01,2022-04-29T10:00:00+07:00,phone,Cán bộ hẹn lại nhiều lần,official,2022-05-04,,,2022-05-24T10:00:00+07:00,2022-05-26T09:00:00+07:00,satisfied,',
  // Handled Wednesday 25/5: one day late.
  'PA-03,H23.07.01,2022-04-29T10:00:00+07:00,direct,Thủ tục yêu cầu giấy tờ không có trong quy định,rule,2022-05-04,,,2022-05-25T10:00:00+07:00,2022-05-25T15:00:00+07:00,,',
  // Received 20/6, still open at 30/6: within its 15 working days.
  'PA-04,H23.07.01,2022-06-20T09:00:00+07:00,online,Đề nghị bổ sung hướng dẫn,,,,,,,,',
  // On time but the applicant was not satisfied; classified only in July.
  'PA-05,H23.07.01,2022-05-10T09:00:00+07:00,email,Không đồng ý với kết quả,official,2022-07-05,,,2022-05-20T09:00:00+07:00,2022-05-23T09:00:00+07:00,không hài lòng,',
  // Over before the quarter began: not counted at all.
  'PA-06,H23.07.01,2022-03-01T09:00:00+07:00,online,Phản ánh cũ,rule,2022-03-01T10:00:00+07:00,2022-03-02T09:00:00+07:00,,,,,',
  // Received in March, still open at the end of June: long overdue.
  'PA-07,H23.07.01,2022-03-25T09:00:00+07:00,postal,Phản ánh chưa xử lý,,,,,,,,',
  // On time, but repeated.
  'PA-08,H23.07.01,2022-05-16T09:00:00+07:00,online,Phản ánh lặp lại về lệ phí,,,,,2022-05-17T09:00:00+07:00,2022-05-18T09:00:00+07:00,,có',
]

async function unitId(code: string): Promise<number> {
  return (await handle.db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id
}
const inputsOf = async (code: string, from: string = Q2[0], to: string = Q2[1]) => indexInputs(handle.db, await unitId(code), from, to)

beforeAll(async () => {
  handle = await createTestDatabase()
  await importDistrictFiles(handle, { procedures: PROCEDURES, dossiers: DOSSIERS, feedback: FEEDBACK })
})
afterAll(async () => handle.close())

describe('the Decision 766 inputs from the data motcua now keeps (Tứ Kỳ, 2022-Q2)', () => {
  it('1.4, 4.3, 4.4, 4.5b count the dossiers received in the quarter whose flag is known', async () => {
    const inputs = await inputsOf('H23.07')
    // Synced: AT-1 yes, AT-2 no, AT-3 yes; AT-4 and QT-1 unknown; AT-5 received in July.
    expect(inputs['1.4']).toEqual({ numerator: 2, denominator: 3 })
    expect(inputs['4.3']).toEqual({ numerator: 1, denominator: 2 })
    expect(inputs['4.4']).toEqual({ numerator: 1, denominator: 1 })
    expect(inputs['4.5b']).toEqual({ numerator: 2, denominator: 2 })
  })

  it('4.1 counts the finished dossiers whose result is on paper: AT-1 got an e-result, AT-2 did not; AT-4 is not on paper', async () => {
    expect((await inputsOf('H23.07'))['4.1']).toEqual({ numerator: 1, denominator: 2 })
  })

  it('4.1 is 0/0 ("không phát sinh") on a day when every finished result is known not to be on paper; 1.4 stays null', async () => {
    // Monday 9/5/2022: only AT-4 finished, its result is not a paper document; its sync is not known.
    const inputs = await inputsOf('H23.07.01', '2022-05-09', '2022-05-09')
    expect(inputs['4.1']).toEqual({ numerator: 0, denominator: 0 })
    expect(inputs['1.4']).toBeNull()
  })

  it('nothing known stays null: Quang Trung has dossiers but no flags', async () => {
    const inputs = await inputsOf('H23.07.02')
    for (const id of ['1.4', '4.1', '4.3', '4.4', '4.5b']) expect(inputs[id], id).toBeNull()
  })

  it('1.1–1.3 and 4.5a for the district: its own and its communes\u2019 procedures', async () => {
    const inputs = await inputsOf('H23.07')
    // Due in Q2: 1.001193 (on time) and 1.001612 (late).
    expect(inputs['1.1']).toEqual({ numerator: 1, denominator: 2 })
    // Acts in Q2: 1.001193 on time, 2.000815 late, 1.001612 not known.
    expect(inputs['1.2']).toEqual({ numerator: 1, denominator: 2 })
    // Made public by 30/6: 1.001193 complete, 2.000815 not.
    expect(inputs['1.3']).toEqual({ numerator: 1, denominator: 2 })
    // In force: 1.001193 and 1.001612 use population data, 2.000815 does not.
    expect(inputs['4.5a']).toEqual({ numerator: 2, denominator: 3 })
  })

  it('a commune answers for the commune-level procedures only', async () => {
    const inputs = await inputsOf('H23.07.01')
    expect(inputs['1.1']).toEqual({ numerator: 1, denominator: 1 })
    expect(inputs['1.2']).toEqual({ numerator: 1, denominator: 2 })
    expect(inputs['4.5a']).toEqual({ numerator: 1, denominator: 2 })
  })

  it('5.1–5.3 for An Thanh: classified 3 of 6 received; 5 of 7 on time; 3 of 7 neither late, disliked nor repeated', async () => {
    const inputs = await inputsOf('H23.07.01')
    expect(inputs['5.1']).toEqual({ numerator: 3, denominator: 6 })
    expect(inputs['5.2']).toEqual({ numerator: 5, denominator: 7 })
    expect(inputs['5.3']).toEqual({ numerator: 3, denominator: 7 })
  })

  it('a unit with no feedback, in a province that keeps feedback: 0/0, full points by default', async () => {
    const inputs = await inputsOf('H23.07.02')
    expect(inputs['5.2']).toEqual({ numerator: 0, denominator: 0 })
    const report = await computeIndex(handle.db, { unitCode: 'H23.07.02', period: '2022-Q2' })
    const fifth = report.score.indicators.filter((i) => i.id === '5.2' || i.id === '5.3')
    expect(fifth.map((i) => [i.id, i.status, i.points])).toEqual([['5.2', 'empty_full_points', 6], ['5.3', 'empty_full_points', 6]])
  })

  it('before any feedback was kept (2021-Q4), 5.1–5.3 are "chưa có dữ liệu", not full points', async () => {
    const inputs = await inputsOf('H23.07.01', '2021-10-01', '2021-12-31')
    expect([inputs['5.1'], inputs['5.2'], inputs['5.3']]).toEqual([null, null, null])
  })

  it("An Thanh's points, by hand", async () => {
    const report = await computeIndex(handle.db, { unitCode: 'H23.07.01', period: '2022-Q2' })
    const points = Object.fromEntries(report.score.indicators.map((i) => [i.id, i.points]))
    expect(points).toMatchObject({
      '1.1': 6, // 6 × 1/1
      '1.2': 2, // 4 × 1/2
      '1.3': 1, // 2 × 1/2
      '1.4': 4, // 6 × 2/3 (AT-1, AT-2, AT-3)
      '4.1': 3, // 6 × 1/2
      '4.3': 1.25, // min(2, 2 × 50 % / 80 %)
      '4.4': 4, // 4 × 1/1
      '4.5a': 1, // 2 × 1/2
      '4.5b': 2, // 2 × 2/2
      '5.2': 4.29, // 6 × 5/7 = 4,2857…
      '5.3': 2.57, // 6 × 3/7 = 2,5714…
    })
    expect(report.score.indicators.find((i) => i.id === '5.1')).toMatchObject({ status: 'tracked', numerator: 3, denominator: 6 })
    expect(report.sources['5.2']).toMatch(/^phản ánh, kiến nghị xử lý đúng hạn/)
    const filled = ['1.1', '1.2', '1.3', '1.4', '4.1', '4.3', '4.4', '4.5a', '4.5b', '5.1', '5.2', '5.3']
    expect(report.score.total.missing.filter((id) => filled.includes(id))).toEqual([])
  })

  it('the flags survive the export round trip, and an old file without them leaves them as they are', async () => {
    const path = join(dir, 'export.csv')
    await exportDossiers(handle, path)
    expect(await importDossiers(handle, path, strict)).toMatchObject({ inserted: 0, updated: 0 })
    const old = writeCsv(dir, 'old.csv', [DOSSIER_HEADER, 'AT-1,H23.07.01,1.001193,online,2022-05-04T08:00:00+07:00,,2022-05-04T10:00:00+07:00,2022-05-04T11:00:00+07:00,returned,2,2,true,0,false,0,'])
    expect(await importDossiers(handle, old, strict)).toMatchObject({ updated: 0, unchanged: 1 })
    const row = await handle.db.selectFrom('dossiers').select(['synced_national', 'e_result_issued']).where('code', '=', 'AT-1').executeTakeFirstOrThrow()
    expect(row).toEqual({ synced_national: true, e_result_issued: true })
  })

  it('a bad publication cell names its line, column and reason, and nothing is written', async () => {
    const before = await handle.db.selectFrom('procedure_versions').selectAll().orderBy('id').execute()
    const bad = [PROCEDURES[0]!, PROCEDURES[1]!.replace('27/4/2022', '31/4/2022'), PROCEDURES[2]!.replace('2022-07-05', '2022-06-01')]
    const error = await rejection(importProcedures(handle, writeCsv(dir, 'bad-procedures.csv', bad), strict))
    expect(error.userMessage).toContain('dòng 2, cột decided_on (giá trị "31/4/2022"): ngày không tồn tại')
    expect(error.userMessage).toContain('dòng 3, cột national_db_updated_on (giá trị "2022-06-01"): ngày cập nhật CSDL quốc gia trước ngày quyết định công bố')
    expect(await handle.db.selectFrom('procedure_versions').selectAll().orderBy('id').execute()).toEqual(before)
  })

  it('a procedures file without the publication columns changes nothing; a publication change updates the version in place', async () => {
    expect(await importProcedures(handle, writeCsv(dir, 'old-procedures.csv', PROCEDURES_CSV), strict)).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 })
    const changed = [PROCEDURES[0]!, PROCEDURES[1]!.replace(',có,có', ',có,không')]
    expect(await importProcedures(handle, writeCsv(dir, 'changed.csv', changed), strict)).toMatchObject({ updated: 1 })
    const versions = await handle.db.selectFrom('procedure_versions').innerJoin('procedures', 'procedures.id', 'procedure_versions.procedure_id').select(['version', 'uses_population_data', 'decided_on']).where('procedures.code', '=', '1.001193').execute()
    expect(versions).toEqual([{ version: 1, uses_population_data: false, decided_on: '2022-04-27' }])
    await importProcedures(handle, writeCsv(dir, 'back.csv', PROCEDURES.slice(0, 2)), strict)
  })
})
