import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import type { DossierInput } from '../../src/domain/dossiers/dossier-input.js'
import { createUser } from '../../src/modules/accounts/create-user.js'
import { receiveDossier } from '../../src/modules/desk/receive-dossier.js'
import { importDossierInputs } from '../../src/modules/dossiers/import/import-dossiers.js'
import { getIndicators, type IndicatorReport } from '../../src/modules/indicators/get-indicators.js'
import { getIndicatorTable } from '../../src/modules/indicators/indicator-table.js'
import { rankAmongKind } from '../../src/modules/indicators/rank-among-kind.js'
import { reorganiseUnits } from '../../src/modules/units/reorganise/reorganise-units.js'
import { getUnitByCode, unitTreeAsOf } from '../../src/modules/units/units.repository.js'
import { tempDir } from '../support/files.js'
import { setTarget } from '../../src/modules/targets/set-target.js'
import { readDocx } from '../support/docx-text.js'
import { generateReport } from '../../src/modules/reports/generate-report.js'
import { rejection } from '../support/rejection.js'
import { createTestDatabase } from '../support/test-database.js'
import { saveUnitsAndProcedures } from '../support/units-and-procedures.js'

/*
 * 1/7/2025: the communes An Thanh and Tân Kỳ are merged into a new commune directly under the
 * province (the district level gone); Quang Trung stays. The figures of 2022 must follow.
 */
let handle: DatabaseHandle
const dir = tempDir()

/** Dossiers of a commune in a month: varied channels, results, lateness, so every figure has something to count. */
function dossiersOf(unitCode: string, month: string, count: number, prefix: string): DossierInput[] {
  return Array.from({ length: count }, (_, i): DossierInput => {
    const receivedAt = new Date(`${month}-${String(1 + (i % 27)).padStart(2, '0')}T09:00:00+07:00`)
    const finished = i % 3 !== 0
    const finishedAt = finished ? new Date(receivedAt.getTime() + (i % 5) * 86_400_000) : null
    return {
      code: `${prefix}-${unitCode}-${month}-${i}`, unitCode, procedureCode: i % 2 === 0 ? 'P-FULL' : 'P-NONE', channel: i % 4 === 0 ? 'direct' : 'online',
      status: finished ? 'finished' : 'processing', receivedAt, dueAt: new Date(receivedAt.getTime() + 2 * 86_400_000), finishedAt, returnedAt: null,
      componentsTotal: 2, componentsDigitized: i % 2 === 0 ? 2 : 1, resultDigitized: i % 3 === 1, feeVnd: i % 2 === 0 ? 0 : 50000, paidOnline: false, ecertCopies: i % 7 === 0 ? 1 : 0,
      rating: i % 2 === 0 ? 'satisfied' : null,
    }
  })
}

function received(report: IndicatorReport, code: string): number {
  const row = report.rows.find((r) => r.unit_code === code && r.scope === 'subtree')!
  const figure = row.indicators.received!
  return 'value' in figure && figure.value !== null ? figure.value : 0
}

const september2022 = { from: '2022-09-01', to: '2022-09-30' }
const year2022 = { from: '2022-01-01', to: '2022-12-31' }

function writeJson(name: string, body: unknown): string {
  const path = join(dir, name)
  writeFileSync(path, JSON.stringify(body))
  return path
}

const MERGER = {
  date: '2025-07-01',
  units: [{ code: 'HP.TK1', name: 'Xã Tân Kỳ', kind: 'xã', parent_code: 'T', from: ['T.TK.AT', 'T.TK.TK'] }],
  dissolved: ['T.TK'],
}

let before: { antThanh: IndicatorReport; tanKy: IndicatorReport; province: IndicatorReport }

beforeAll(async () => {
  handle = await createTestDatabase()
  await saveUnitsAndProcedures(
    handle,
    [
      { code: 'T', name: 'Thành phố Hải Phòng', kind: 'province', parentCode: null },
      { code: 'T.TK', name: 'Huyện Tứ Kỳ', kind: 'district', parentCode: 'T' },
      { code: 'T.TK.AT', name: 'Xã An Thanh', kind: 'commune', parentCode: 'T.TK' },
      { code: 'T.TK.TK', name: 'Xã Tân Kỳ', kind: 'commune', parentCode: 'T.TK' },
      { code: 'T.TK.QT', name: 'Xã Quang Trung', kind: 'commune', parentCode: 'T.TK' },
    ],
    [
      { code: 'P-FULL', name: 'Toàn trình', field: null, level: 'commune', onlineLevel: 'full', processingDays: 2, feeVnd: 0 },
      { code: 'P-NONE', name: 'Trực tiếp', field: null, level: 'commune', onlineLevel: 'none', processingDays: 2, feeVnd: 50000 },
    ],
  )
  await importDossierInputs(handle, [
    ...dossiersOf('T.TK.AT', '2022-09', 11, 'A'), ...dossiersOf('T.TK.TK', '2022-09', 7, 'A'), ...dossiersOf('T.TK.QT', '2022-09', 5, 'A'),
    ...dossiersOf('T.TK.AT', '2022-11', 4, 'A'), ...dossiersOf('T.TK', '2022-10', 3, 'A'),
  ], 'before-merger')
  await createUser(handle.db, { username: 'an.thanh.officer', displayName: 'Cán bộ An Thanh', password: 'Mật-khẩu-dài-2025!', unitCode: 'T.TK.AT', role: 'officer' }, 'test')
  const ask = (unitCode: string, period: { from: string; to: string }) => getIndicators(handle.db, { unitCode, ...period, children: false })
  before = { antThanh: await ask('T.TK.AT', september2022), tanKy: await ask('T.TK.TK', september2022), province: await ask('T', year2022) }
})
afterAll(async () => handle.close())

describe('a merger of two communes into a new one on 1/7/2025', () => {
  it('a dry run prints what moves and changes nothing', async () => {
    const outcome = await reorganiseUnits(handle, writeJson('dry.json', MERGER), { dryRun: true, accounts: 'move', actor: 'test' })
    expect(outcome.applied).toBe(false)
    expect(outcome.plan.created.map((c) => c.code)).toEqual(['HP.TK1'])
    expect(outcome.plan.dissolved.map((d) => [d.code, d.validTo, d.successorCode])).toEqual([
      ['T.TK.AT', '2025-06-30', 'HP.TK1'], ['T.TK.TK', '2025-06-30', 'HP.TK1'], ['T.TK', '2025-06-30', null],
    ])
    expect(outcome.accounts).toEqual([{ username: 'an.thanh.officer', from: 'T.TK.AT', to: 'HP.TK1' }])
    expect(await handle.db.selectFrom('units').select('code').where('code', '=', 'HP.TK1').executeTakeFirst()).toBeUndefined()
    expect((await getUnitByCode(handle.db, 'T.TK.AT')).valid_to).toBeNull()
  })

  it('a bad file is refused row by row, field by field, and changes nothing', async () => {
    const bad = {
      date: '2025-07-01',
      units: [
        { code: 'HP.X', name: 'Xã X', parent_code: 'T', from: ['T.TK.QT', 'NO.SUCH'] },
        { code: 'HP.Y', from: ['T.TK.QT'], parent_code: 'NO.PARENT' },
      ],
    }
    const error = await rejection(reorganiseUnits(handle, writeJson('bad.json', bad), { dryRun: false, accounts: 'move', actor: 'test' }))
    expect(error.details).toEqual(expect.arrayContaining([
      expect.objectContaining({ line: 1, column: 'old_code', value: 'NO.SUCH', reason: 'không có đơn vị với mã này' }),
      expect.objectContaining({ line: 2, column: 'new_name' }),
      expect.objectContaining({ line: 2, column: 'new_parent_code', value: 'NO.PARENT' }),
    ]))
    expect(await handle.db.selectFrom('units').select('code').where('code', 'in', ['HP.X', 'HP.Y']).execute()).toEqual([])
    expect((await getUnitByCode(handle.db, 'T.TK.QT')).valid_to).toBeNull()
  })

  it('applied: the new commune’s September 2022 is the sum of the two, the old ones keep theirs, the province’s 2022 does not change', async () => {
    const outcome = await reorganiseUnits(handle, writeJson('merger.json', MERGER), { dryRun: false, accounts: 'move', actor: 'cli:test' })
    expect(outcome.applied).toBe(true)
    const ask = (unitCode: string, period: { from: string; to: string }) => getIndicators(handle.db, { unitCode, ...period, children: false })
    const merged = await ask('HP.TK1', september2022)
    expect(received(before.antThanh, 'T.TK.AT')).toBeGreaterThan(0)
    expect(received(merged, 'HP.TK1')).toBe(received(before.antThanh, 'T.TK.AT') + received(before.tanKy, 'T.TK.TK'))
    // Every figure, not only the count: the merged commune's sums are the two communes' sums.
    const figures = merged.rows[0]!.indicators
    for (const [id, figure] of Object.entries(figures)) {
      if (!('numerator' in figure)) continue
      const a = before.antThanh.rows[0]!.indicators[id as keyof typeof figures]!
      const b = before.tanKy.rows[0]!.indicators[id as keyof typeof figures]!
      expect(figure.numerator, id).toBe(('numerator' in a ? a.numerator! : 0) + ('numerator' in b ? b.numerator! : 0))
      expect(figure.denominator, id).toBe(('denominator' in a ? a.denominator! : 0) + ('denominator' in b ? b.denominator! : 0))
    }
    // Communes that e-certified: two in 2022's tree, one (the merged commune) by today's units.
    const ecert = (report: IndicatorReport) => { const f = report.rows[0]!.indicators.ecert_units!; return 'value' in f ? f.value : null }
    expect(ecert(merged)).toBe(2)
    expect(ecert(await getIndicators(handle.db, { unitCode: 'HP.TK1', ...september2022, children: false, tree: 'current' }))).toBe(1)
    expect(await ask('T.TK.AT', september2022)).toEqual(before.antThanh)
    expect(await ask('T.TK.TK', september2022)).toEqual(before.tanKy)
    expect(await ask('T', year2022)).toEqual(before.province)
    // The account of An Thanh now belongs to the new commune; the change is audited.
    const account = await handle.db.selectFrom('users').innerJoin('units', 'units.id', 'users.unit_id').select('units.code').where('username', '=', 'an.thanh.officer').executeTakeFirstOrThrow()
    expect(account.code).toBe('HP.TK1')
    expect(await handle.db.selectFrom('audit_log').select('action').where('action', '=', 'units.reorganise').execute()).toHaveLength(1)
  })

  it('a dossier for a dissolved commune after 30/6/2025 is refused naming the successor, at import and at the desk', async () => {
    const late = { ...dossiersOf('T.TK.AT', '2025-07', 1, 'LATE')[0]!, status: 'received' as const, finishedAt: null }
    const error = await rejection(importDossierInputs(handle, [late], 'after-merger'))
    expect(error.details[0]).toMatchObject({ column: 'unit_code', value: 'T.TK.AT' })
    expect(error.details[0]!.reason).toContain('HP.TK1 (Xã Tân Kỳ)')
    const lastDay = { ...dossiersOf('T.TK.AT', '2025-06', 1, 'LAST')[0]!, receivedAt: new Date('2025-06-30T16:00:00+07:00'), status: 'received' as const, finishedAt: null }
    expect((await importDossierInputs(handle, [lastDay], 'last-day')).inserted).toBe(1)
    const antThanh = await getUnitByCode(handle.db, 'T.TK.AT')
    const desk = await rejection(receiveDossier(handle.db, {
      unit: { id: antThanh.id, code: antThanh.code }, procedureCode: 'P-FULL', applicant: { name: 'Nguyễn Văn A', idNumber: null, phone: null, address: null },
      channel: 'direct', receivedComponents: [], receivedAt: new Date('2025-07-02T09:00:00+07:00'), actor: 'test',
    }, new Date('2025-07-02T10:00:00+07:00')))
    expect(desk.userMessage).toContain('HP.TK1')
  })

  it('a target is for a year its unit exists in: a dissolved commune’s 2026 target is refused naming the successor', async () => {
    const target = { indicator: 'online_rate' as const, unitKind: null, scope: 'subtree' as const, minimum: 80, decidedBy: 'KH 01/KH-UBND' }
    const refused = await rejection(setTarget(handle.db, { ...target, year: 2026, unitCode: 'T.TK.AT' }, { actor: 'test' }))
    expect(refused.userMessage).toContain('HP.TK1 (Xã Tân Kỳ)')
    expect((await setTarget(handle.db, { ...target, year: 2025, unitCode: 'T.TK.AT' }, { actor: 'test' }))).toBeTruthy()
    expect((await setTarget(handle.db, { ...target, year: 2026, unitCode: 'HP.TK1' }, { actor: 'test' }))).toBeTruthy()
    expect((await rejection(setTarget(handle.db, { ...target, year: 2024, unitCode: 'HP.TK1' }, { actor: 'test' }))).userMessage).toContain('1/7/2025')
  })

  it('the tree of a date lists the units of that date; a ranking of 2026 lists no dissolved unit', async () => {
    await importDossierInputs(handle, dossiersOf('HP.TK1', '2026-03', 6, 'B'), 'after')
    const codes = async (day: string) => (await unitTreeAsOf(handle.db, day)).map((u) => `${u.code}<${u.parent_code ?? ''}`)
    expect(await codes('2022-09-30')).toEqual(['T<', 'T.TK<T', 'T.TK.AT<T.TK', 'T.TK.QT<T.TK', 'T.TK.TK<T.TK'])
    expect(await codes('2026-03-31')).toEqual(['HP.TK1<T', 'T<', 'T.TK.QT<T'])

    const ranking = await rankAmongKind(handle.db, { unitCode: 'HP.TK1', indicator: 'received', from: '2026-01-01', to: '2026-12-31' })
    expect(ranking.ranking.map((r) => r.unit_code).sort()).toEqual(['HP.TK1', 'T.TK.QT'])
    const of2022 = await rankAmongKind(handle.db, { unitCode: 'T.TK.AT', indicator: 'received', from: '2022-01-01', to: '2022-12-31' })
    expect(of2022.ranking.map((r) => r.unit_code).sort()).toEqual(['T.TK.AT', 'T.TK.QT', 'T.TK.TK'])

    const table2026 = await getIndicatorTable(handle.db, { unitCode: 'T', from: '2026-01-01', to: '2026-12-31', children: true })
    expect(table2026.rows.slice(2).map((r) => r.unit_code)).toEqual(['HP.TK1', 'T.TK.QT'])
    // 2022 by 2022's tree (the default), or by today's units.
    const table2022 = await getIndicatorTable(handle.db, { unitCode: 'T', ...year2022, children: true })
    expect(table2022.rows.slice(2).map((r) => r.unit_code)).toEqual(['T.TK'])
    const today2022 = await getIndicatorTable(handle.db, { unitCode: 'T', ...year2022, children: true, tree: 'current' })
    expect(today2022.rows.slice(2).map((r) => r.unit_code)).toEqual(['HP.TK1', 'T.TK.QT'])
    // Today's units still add up to the province: nothing counted twice, nothing lost but the district's own.
    const sum = today2022.rows.slice(1).reduce((n, r) => n + ('value' in r.indicators.received! ? r.indicators.received!.value ?? 0 : 0), 0)
    const districtOwn = (await getIndicators(handle.db, { unitCode: 'T.TK', ...year2022, children: true })).rows[1]!
    expect(sum + ('value' in districtOwn.indicators.received! ? districtOwn.indicators.received!.value ?? 0 : 0)).toBe(received(before.province, 'T'))
  })
})

describe('receiving unit and deciding unit', () => {
  it('a dossier received at Quang Trung and decided at Tân Kỳ counts for reception at Quang Trung, for processing at Tân Kỳ when asked by the decider', async () => {
    const march = { from: '2026-03-01', to: '2026-03-31' }
    const figure = async (unitCode: string, attribution: 'receiver' | 'decider', id: 'received' | 'overdue_open') => {
      const f = (await getIndicators(handle.db, { unitCode, ...march, children: false, attribution })).rows[0]!.indicators[id]!
      return 'value' in f ? f.value ?? 0 : 0
    }
    const ask = async () => ({
      qtReceived: await figure('T.TK.QT', 'decider', 'received'),
      qtOverdueByReceiver: await figure('T.TK.QT', 'receiver', 'overdue_open'),
      qtOverdueByDecider: await figure('T.TK.QT', 'decider', 'overdue_open'),
      tkOverdueByReceiver: await figure('HP.TK1', 'receiver', 'overdue_open'),
      tkOverdueByDecider: await figure('HP.TK1', 'decider', 'overdue_open'),
    })
    const before = await ask()
    const quangTrung = await getUnitByCode(handle.db, 'T.TK.QT')
    await receiveDossier(handle.db, {
      unit: { id: quangTrung.id, code: quangTrung.code }, decidingUnitCode: 'HP.TK1', procedureCode: 'P-FULL',
      applicant: { name: 'Trần Văn B', idNumber: null, phone: null, address: null }, channel: 'direct', receivedComponents: [],
      receivedAt: new Date('2026-03-02T09:00:00+07:00'), actor: 'test',
    }, new Date('2026-03-02T10:00:00+07:00'))
    const after = await ask()
    // Still open at the end of March and past its appointment: overdue, where it is asked to be.
    expect(after).toEqual({
      qtReceived: before.qtReceived + 1,
      qtOverdueByReceiver: before.qtOverdueByReceiver + 1,
      qtOverdueByDecider: before.qtOverdueByDecider,
      tkOverdueByReceiver: before.tkOverdueByReceiver,
      tkOverdueByDecider: before.tkOverdueByDecider + 1,
    })
    // A deciding unit must exist that day too.
    expect((await rejection(receiveDossier(handle.db, {
      unit: { id: quangTrung.id, code: quangTrung.code }, decidingUnitCode: 'T.TK.AT', procedureCode: 'P-FULL',
      applicant: { name: 'Trần Văn C', idNumber: null, phone: null, address: null }, channel: 'direct', receivedComponents: [],
      receivedAt: new Date('2026-03-03T09:00:00+07:00'), actor: 'test',
    }, new Date('2026-03-03T10:00:00+07:00')))).userMessage).toContain('HP.TK1')
  })
})

describe('an import names the deciding unit', () => {
  it('a finished dossier of Quang Trung decided at Tân Kỳ counts as finished at Tân Kỳ by the decider; an unknown or ended decider is refused by row and field', async () => {
    const april = { from: '2026-04-01', to: '2026-04-30' }
    const finished = async (unitCode: string, attribution: 'receiver' | 'decider') => {
      const f = (await getIndicators(handle.db, { unitCode, ...april, children: false, attribution })).rows[0]!.indicators.on_time_rate!
      return 'denominator' in f ? f.denominator ?? 0 : 0
    }
    const before = [await finished('T.TK.QT', 'receiver'), await finished('T.TK.QT', 'decider'), await finished('HP.TK1', 'decider')]
    const decided = { ...dossiersOf('T.TK.QT', '2026-04', 2, 'DEC')[1]!, decidingUnitCode: 'HP.TK1' }
    expect(decided.status).toBe('finished')
    expect((await importDossierInputs(handle, [decided], 'decided-elsewhere')).inserted).toBe(1)
    expect([await finished('T.TK.QT', 'receiver'), await finished('T.TK.QT', 'decider'), await finished('HP.TK1', 'decider')]).toEqual([before[0]! + 1, before[1]!, before[2]! + 1])

    const error = await rejection(importDossierInputs(handle, [
      { ...decided, code: 'DEC-unknown', decidingUnitCode: 'NO.SUCH' },
      { ...decided, code: 'DEC-ended', decidingUnitCode: 'T.TK.AT' },
    ], 'bad-deciders'))
    expect(error.details).toEqual([
      expect.objectContaining({ line: 2, column: 'deciding_unit_code', value: 'NO.SUCH' }),
      expect.objectContaining({ line: 3, column: 'deciding_unit_code', value: 'T.TK.AT' }),
    ])
  })
})

describe('the documents of today’s issuers (since 1/7/2025)', () => {
  const template = (path: string) => fileURLToPath(new URL(`../../templates/${path}`, import.meta.url))
  const text = async (request: Parameters<typeof generateReport>[1]) => (await readDocx((await generateReport(handle.db, request, { actor: 'test' })).bytes)).paragraphs.join('\n')
  const march2026 = { from: '2026-03-01', to: '2026-03-31', date: '2026-04-06', today: '2026-04-06' }

  it('a province-level letter and report cite Decree 118/2025 and list today’s communes, none dissolved', async () => {
    const letter = await text({ kind: 'letter', unitCode: 'T', ...march2026, templatePath: template('letters/digitization-praise-criticism-province-2025.json') })
    expect(letter).toContain('Nghị định số 118/2025/NĐ-CP')
    expect(letter).toContain('Chủ tịch UBND các xã, phường, đặc khu')
    expect(letter).not.toMatch(/61\/2018|107\/2021|huyện/)
    const report = await text({ kind: 'monthly', unitCode: 'T', ...march2026, templatePath: template('reports/monthly-province-2025.json') })
    expect(report).toContain('Nghị định số 118/2025/NĐ-CP')
    expect(report).toContain('Xã Tân Kỳ')
    expect(report).not.toContain('Xã An Thanh')
  })

  it('a commune-level letter and report are addressed within the commune and to the province above it', async () => {
    const letter = await text({ kind: 'letter', unitCode: 'HP.TK1', ...march2026, templatePath: template('letters/digitization-praise-criticism-commune-2025.json') })
    expect(letter).toContain('Trung tâm Phục vụ hành chính công xã Tân Kỳ')
    expect(letter).toContain('Nghị định số 118/2025/NĐ-CP')
    const report = await text({ kind: 'monthly', unitCode: 'HP.TK1', ...march2026, templatePath: template('reports/monthly-commune-2025.json') })
    expect(report).toContain('Ủy ban nhân dân thành phố Hải Phòng.')
    expect(report).toContain('Ủy ban nhân dân xã Tân Kỳ báo cáo')
  })
})
