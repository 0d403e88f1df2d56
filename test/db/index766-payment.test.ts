import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { computeIndex, indexInputs } from '../../src/modules/index766/compute-index.js'
import { totalsForScopes } from '../../src/modules/indicators/rollup.repository.js'
import { importProcedures } from '../../src/modules/procedures/import-procedures.js'
import { getProcedurePublication } from '../../src/modules/procedures/set-procedure-publication.js'
import { importDistrictFiles } from '../support/district-files.js'
import { DOSSIER_HEADER, PROCEDURES_CSV, tempDir, writeCsv } from '../support/files.js'
import { rejection } from '../support/rejection.js'
import { createTestDatabase } from '../support/test-database.js'

/*
 * 3.5 (payment integration and online payments), 2.2 (average processing time) and 5.4
 * (satisfaction with dossiers) for An Thanh and Tứ Kỳ in the second quarter of 2022, by hand.
 *
 * Procedures with a fee: commune level 2.000815 (integrated), FEE-A (not), FEE-B (not known),
 * FEE-C (integrated); district level 1.001612 (integrated). 1.001193 is free.
 */
let handle: DatabaseHandle
const dir = tempDir()
const strict = { skipInvalid: false, ignoreUnknown: false }

const PROCEDURES_OLD = [
  ...PROCEDURES_CSV,
  'FEE-A,Thủ tục có phí A,Thử nghiệm,commune,full,2,10000,',
  'FEE-B,Thủ tục có phí B,Thử nghiệm,commune,full,2,5000,',
  'FEE-C,Thủ tục có phí C,Thử nghiệm,commune,full,2,20000,',
]
/** The same procedures with the new column, under its Vietnamese header and with Vietnamese values. */
const PROCEDURES_WITH_INTEGRATION = [
  `${PROCEDURES_OLD[0]},Tích hợp thanh toán trực tuyến`,
  `${PROCEDURES_OLD[1]},`,
  `${PROCEDURES_OLD[2]},có`,
  `${PROCEDURES_OLD[3]},Có`,
  `${PROCEDURES_OLD[4]},không`,
  `${PROCEDURES_OLD[5]},`,
  `${PROCEDURES_OLD[6]},x`,
]

// Monday 9/5/2022 … Friday 20/5/2022 are plain working weeks. Columns as DOSSIER_HEADER.
const DOSSIERS = [
  DOSSIER_HEADER,
  // On time, paid online, satisfied; 2 working days (10/5, 11/5).
  'D1,H23.07.01,2.000815,online,2022-05-09T08:00:00+07:00,2022-05-13T17:00:00+07:00,2022-05-11T10:00:00+07:00,,finished,1,1,true,2000,true,0,satisfied',
  // Late (due Thursday 12/5, finished Monday 16/5), paid online, not rated; 4 working days.
  'D2,H23.07.01,FEE-C,online,2022-05-10T08:00:00+07:00,2022-05-12T17:00:00+07:00,2022-05-16T09:00:00+07:00,,finished,1,1,true,20000,true,0,',
  // On time but rated dissatisfied, paid at the counter; 1 working day.
  'D3,H23.07.01,FEE-A,direct,2022-05-11T08:00:00+07:00,2022-05-13T17:00:00+07:00,2022-05-12T10:00:00+07:00,,finished,1,1,true,10000,false,0,dissatisfied',
  // On time and very satisfied, but complained about (PA-1); free; 0 working days.
  'D4,H23.07.01,1.001193,online,2022-05-16T08:00:00+07:00,2022-05-16T17:00:00+07:00,2022-05-16T11:00:00+07:00,,finished,1,1,true,0,false,0,very_satisfied',
  // Late, dissatisfied and complained about (PA-2): removed once; 3 working days.
  'D5,H23.07.01,FEE-C,direct,2022-05-17T08:00:00+07:00,2022-05-18T17:00:00+07:00,2022-05-20T09:00:00+07:00,,finished,1,1,true,20000,false,0,dissatisfied',
  // Open at the end of June, due Monday 4/7: within its deadline.
  'D6,H23.07.01,1.001193,online,2022-06-27T08:00:00+07:00,2022-07-04T17:00:00+07:00,,,processing,1,1,false,0,false,0,',
  // Paid online, but received in July: not in the quarter.
  'D7,H23.07.01,2.000815,online,2022-07-07T08:00:00+07:00,2022-07-08T17:00:00+07:00,2022-07-07T10:00:00+07:00,,finished,1,1,true,2000,true,0,',
  // The procedure whose integration is not known, paid online, on time, satisfied; 1 working day.
  'D8,H23.07.01,FEE-B,online,2022-06-06T08:00:00+07:00,2022-06-08T17:00:00+07:00,2022-06-07T09:00:00+07:00,,finished,1,1,true,5000,true,0,satisfied',
  // Quang Trung: paid online, on time, same day.
  'QT-1,H23.07.02,2.000815,online,2022-05-10T08:00:00+07:00,2022-05-10T17:00:00+07:00,2022-05-10T10:00:00+07:00,,finished,1,1,true,2000,true,0,',
]

const FEEDBACK = [
  'code,unit_code,received_at,channel,summary,dossier_code',
  'PA-1,H23.07.01,2022-05-17T09:00:00+07:00,online,Cán bộ hướng dẫn chưa rõ,D4',
  'PA-2,H23.07.01,2022-05-23T09:00:00+07:00,phone,Hồ sơ trả chậm,D5',
]

async function unitId(code: string): Promise<number> {
  return (await handle.db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id
}
const inputsOf = async (code: string, from = '2022-04-01', to = '2022-06-30') => indexInputs(handle.db, await unitId(code), from, to)
const indicatorOf = async (unitCode: string, id: string) => (await computeIndex(handle.db, { unitCode, period: '2022-Q2' })).score.indicators.find((i) => i.id === id)!
const integrationOf = async () =>
  Object.fromEntries(
    (await handle.db.selectFrom('procedure_versions as pv').innerJoin('procedures as p', 'p.id', 'pv.procedure_id').select(['p.code', 'pv.payment_integrated']).orderBy('p.code').execute()).map((r) => [r.code, r.payment_integrated]),
  )

beforeAll(async () => {
  handle = await createTestDatabase()
  await importDistrictFiles(handle, { procedures: PROCEDURES_OLD, dossiers: DOSSIERS, feedback: FEEDBACK })
})
afterAll(async () => handle.close())

describe('3.5 before any payment integration is known', () => {
  it('B is null, so 3.5 is "chưa có dữ liệu" (C still shown: 3 of the 4 fee procedures paid online)', async () => {
    expect((await inputsOf('H23.07.01'))['3.5']).toEqual({ b: null, c: { numerator: 3, denominator: 4 } })
    const score = await indicatorOf('H23.07.01', '3.5')
    expect(score).toMatchObject({ status: 'no_data', points: null, parts: { b: null, c: { numerator: 3, denominator: 4, ratio: 75 } } })
    expect(score.explanation).toBe('chưa có dữ liệu: chưa biết TTHC có phí, lệ phí nào được tích hợp thanh toán trực tuyến (B); C = 3/4 = 75%')
  })
})

describe('the payment_integrated column of procedures.csv', () => {
  it('comes in under its Vietnamese header with có / không / x; empty stays not known; only the changed versions are updated in place', async () => {
    const versionsBefore = await handle.db.selectFrom('procedure_versions').select(['id', 'version']).orderBy('id').execute()
    expect(await importProcedures(handle, writeCsv(dir, 'with-integration.csv', PROCEDURES_WITH_INTEGRATION), strict)).toMatchObject({ inserted: 0, updated: 4, unchanged: 2 })
    expect(await integrationOf()).toEqual({ '1.001193': null, '1.001612': true, '2.000815': true, 'FEE-A': false, 'FEE-B': null, 'FEE-C': true })
    expect(await handle.db.selectFrom('procedure_versions').select(['id', 'version']).orderBy('id').execute()).toEqual(versionsBefore)
    expect((await getProcedurePublication(handle.db, 'FEE-A')).paymentIntegrated).toBe(false)
    // The same file again changes nothing.
    expect(await importProcedures(handle, writeCsv(dir, 'again.csv', PROCEDURES_WITH_INTEGRATION), strict)).toMatchObject({ updated: 0, unchanged: 6 })
  })

  it('an older file — without the column, with or without the publication columns — leaves the integration as it is', async () => {
    expect(await importProcedures(handle, writeCsv(dir, 'old.csv', PROCEDURES_OLD), strict)).toMatchObject({ inserted: 0, updated: 0, unchanged: 6 })
    const publication007 = [`${PROCEDURES_OLD[0]},decision_number,uses_population_data`, ...PROCEDURES_OLD.slice(1).map((line) => `${line},,`)]
    expect(await importProcedures(handle, writeCsv(dir, 'old-007.csv', publication007), strict)).toMatchObject({ inserted: 0, updated: 0, unchanged: 6 })
    expect(await integrationOf()).toEqual({ '1.001193': null, '1.001612': true, '2.000815': true, 'FEE-A': false, 'FEE-B': null, 'FEE-C': true })
  })

  it('a bad cell names its line, column and reason, and nothing is written', async () => {
    const before = await handle.db.selectFrom('procedure_versions').selectAll().orderBy('id').execute()
    const bad = [`${PROCEDURES_OLD[0]},payment_integrated`, `${PROCEDURES_OLD[1]},có`, `${PROCEDURES_OLD[2]},có lẽ`]
    const error = await rejection(importProcedures(handle, writeCsv(dir, 'bad.csv', bad), strict))
    expect(error.userMessage).toContain('dòng 3, cột payment_integrated (giá trị "có lẽ"): không phải giá trị đúng/sai')
    expect(await handle.db.selectFrom('procedure_versions').selectAll().orderBy('id').execute()).toEqual(before)
  })
})

describe('3.5 by hand', () => {
  it('An Thanh: B = 2/3 (FEE-B not known), C = 3/4 (D1, D2, D8; D7 is July, QT-1 is Quang Trung): min(2; 1,67) + 1,875 = 3,54', async () => {
    expect((await inputsOf('H23.07.01'))['3.5']).toEqual({ b: { numerator: 2, denominator: 3 }, c: { numerator: 3, denominator: 4 } })
    const score = await indicatorOf('H23.07.01', '3.5')
    expect(score).toMatchObject({ status: 'scored', points: 3.54 })
    expect(score.explanation).toBe('B = 2/3 = 66,67%, C = 3/4 = 75%; min(2; 2,5 × B) + 2,5 × C = 1,67 + 1,88 = 3,54 điểm')
  })

  it('Tứ Kỳ adds its district procedure 1.001612 (integrated, no dossier): B = 3/4, C = 3/5 → 1,875 + 1,5 = 3,38', async () => {
    expect((await inputsOf('H23.07'))['3.5']).toEqual({ b: { numerator: 3, denominator: 4 }, c: { numerator: 3, denominator: 5 } })
    expect((await indicatorOf('H23.07', '3.5')).points).toBe(3.38)
  })

  it('B is capped: with FEE-A integrated too, B = 3/3 and 2,5 × B = 2,5 counts as 2 → 2 + 1,875 = 3,88', async () => {
    const integrated = [`${PROCEDURES_OLD[0]},payment_integrated`, `${PROCEDURES_OLD[4]},có`]
    expect(await importProcedures(handle, writeCsv(dir, 'fee-a.csv', integrated), strict)).toMatchObject({ updated: 1 })
    const score = await indicatorOf('H23.07.01', '3.5')
    expect(score.parts!.b).toEqual({ numerator: 3, denominator: 3, ratio: 100 })
    expect(score.explanation).toBe('B = 3/3 = 100%, C = 3/4 = 75%; min(2; 2,5 × B) + 2,5 × C = 2 + 1,88 = 3,88 điểm')
    expect(score.points).toBe(3.88)
    await importProcedures(handle, writeCsv(dir, 'fee-a-back.csv', [integrated[0]!, `${PROCEDURES_OLD[4]},không`]), strict)
  })
})

describe('2.2 and 5.4 by hand (An Thanh, 2022-Q2)', () => {
  it('2.2: 2 + 4 + 1 + 0 + 3 + 1 = 11 working days over the 6 dossiers finished (D6 is open, D7 in July): 1,83 a dossier', async () => {
    expect((await inputsOf('H23.07.01'))['2.2']).toEqual({ numerator: 11, denominator: 6 })
    const score = await indicatorOf('H23.07.01', '2.2')
    expect(score).toMatchObject({ status: 'tracked', points: null, ratio: null, average: 1.83 })
    expect(score.explanation).toBe('trung bình 1,83 ngày làm việc (11 ngày làm việc / 6 hồ sơ); chỉ theo dõi, không tính điểm')
  })

  it('5.4: of the 7 dossiers of 2.1, D2 (late), D3 (dissatisfied), D4 (complained about) and D5 (all three, once) are removed: 3/7 → 6 × 42,86 % / 90 % = 2,86', async () => {
    const inputs = await inputsOf('H23.07.01')
    expect(inputs['2.1']).toEqual({ numerator: 5, denominator: 7 })
    expect(inputs['5.4']).toEqual({ numerator: 3, denominator: 7 })
    expect(await indicatorOf('H23.07.01', '5.4')).toMatchObject({ status: 'scored', ratio: 42.86, points: 2.86 })
  })

  it('5.4 keeps the full-at-90 % rule: Quang Trung\u2019s one dossier, on time and neither rated nor complained about, is 1/1 → 6', async () => {
    expect((await inputsOf('H23.07.02'))['5.4']).toEqual({ numerator: 1, denominator: 1 })
    expect((await indicatorOf('H23.07.02', '5.4')).points).toBe(6)
  })

  it('before any rating or feedback was kept (2022-Q1), 5.4 is "chưa có dữ liệu"; 2.2 has nothing finished', async () => {
    const inputs = await inputsOf('H23.07.01', '2022-01-01', '2022-03-31')
    expect(inputs['5.4']).toBeNull()
    expect(inputs['2.2']).toEqual({ numerator: 0, denominator: 0 })
  })

  it('says where 2.2, 3.5 and 5.4 come from, in Vietnamese', async () => {
    const report = await computeIndex(handle.db, { unitCode: 'H23.07.01', period: '2022-Q2' })
    expect(report.sources['2.2']).toMatch(/^tổng số ngày làm việc/)
    expect(report.sources['3.5']).toContain('tích hợp thanh toán trực tuyến')
    expect(report.sources['5.4']).toContain('cùng mẫu số với 2.1')
  })
})

describe('3.x counts only full-online procedures, as Decision 766 does', () => {
  it('An Thanh in the second quarter: 4 online of the 6 dossiers of full-online procedures (D2, D4, D6, D8 of D2–D6, D8); the partly-online D1 is left out, though the dashboard’s online rate counts it (5/7)', async () => {
    expect((await inputsOf('H23.07.01'))['3.x']).toEqual({ numerator: 4, denominator: 6 })
    const { totals } = (await totalsForScopes(handle.db, [{ key: 'u', unitId: await unitId('H23.07.01'), scope: 'subtree' }], { from: '2022-04-01', to: '2022-06-30' })).get('u')!
    expect({ online: totals.online, eligible: totals.onlineEligible }).toEqual({ online: 5, eligible: 7 })
  })
})
