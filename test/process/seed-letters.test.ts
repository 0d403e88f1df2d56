import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { formatPercent } from '../../src/domain/format/vietnamese-numbers.js'
import { percentage } from '../../src/domain/indicators/percentage.js'
import { signIn, type SignedIn } from '../support/sign-in.js'
import { importDossiers } from '../../src/modules/dossiers/import/import-dossiers.js'
import { getIndicators, type IndicatorReport } from '../../src/modules/indicators/get-indicators.js'
import { saveTarget } from '../../src/modules/indicators/targets.repository.js'
import { importProcedures } from '../../src/modules/procedures/import-procedures.js'
import { importUnits } from '../../src/modules/units/import-units.js'
import { startApiServer, stopApiServer } from '../support/api-server.js'
import { tempDir, writeCsv } from '../support/files.js'
import { runCli } from '../support/run-cli.js'
import {
  AUGUST,
  AUGUST_DISTRICT_OWN,
  buildLetterDossiers,
  COMMUNES,
  communeCode,
  communeShortName,
  DISTRICT_CODE,
  dossiersCsvLines,
  JULY,
  JULY_DISTRICT_OWN,
  LETTER_PROCEDURES,
  type LetterDossier,
  PAYMENT_2023_LOW,
  proceduresCsvLines,
  unitsCsvLines,
  WEEK,
  WEEK_DIGITIZATION,
  WEEK_ECERT_STOPPED,
  WEEK_NO_ECERT,
  YEAR_2023,
} from '../support/seed-letter-data.js'
import { createServerTestDatabase } from '../support/test-database.js'

/*
 * The letters of Tứ Kỳ district (seeds 000, 001, 002) written back from data: dossiers built in
 * code to carry the letters' figures, imported as interchange files, and every figure checked
 * twice — against the letter's own words, and against the same rows counted here with filter()
 * as INDICATORS.md defines the indicators — through the engine, the HTTP API and the command line.
 */

const strict = { skipInvalid: false, ignoreUnknown: false }
const dir = tempDir()
const ROWS: readonly LetterDossier[] = buildLetterDossiers()
const COMMUNE_CODES = new Set(COMMUNES.map((c) => c.code))
const ONLINE_ELIGIBLE = new Set(LETTER_PROCEDURES.filter((p) => p.onlineLevel !== 'none').map((p) => p.code))
const vi = new Intl.Collator('vi')

let handle: DatabaseHandle
let app: FastifyInstance
let viewer: SignedIn
let files: { units: string; procedures: string; dossiers: string }

beforeAll(async () => {
  ;({ handle, app } = await startApiServer())
  files = {
    units: writeCsv(dir, 'units.csv', unitsCsvLines()),
    procedures: writeCsv(dir, 'procedures.csv', proceduresCsvLines()),
    dossiers: writeCsv(dir, 'dossiers.csv', dossiersCsvLines(ROWS)),
  }
  await importUnits(handle, files.units, strict)
  await importProcedures(handle, files.procedures, strict)
  const summary = await importDossiers(handle, files.dossiers, strict)
  expect(summary).toMatchObject({ read: ROWS.length, inserted: ROWS.length, rejected: 0 })
  // Seed 001: "chỉ tiêu UBND tỉnh giao năm 2022 (cấp huyện 40%, cấp xã là 25%)"; seed 002: 30 % online payment in 2023.
  await saveTarget(handle.db, { indicator: 'dossier_digitization_rate', year: 2022, unitKind: 'district', unitCode: null, scope: 'own', minimum: 40, decidedBy: 'UBND tỉnh' })
  await saveTarget(handle.db, { indicator: 'dossier_digitization_rate', year: 2022, unitKind: 'commune', unitCode: null, scope: 'subtree', minimum: 25, decidedBy: 'UBND tỉnh' })
  await saveTarget(handle.db, { indicator: 'online_payment_rate', year: 2023, unitKind: 'commune', unitCode: null, scope: 'subtree', minimum: 30, decidedBy: 'UBND tỉnh' })
  viewer = await signIn(app, handle, 'monitor', 'H23.07')
})
afterAll(async () => {
  await stopApiServer({ handle, app })
})

// ---------------------------------------------------------------------------------------------
// The independent computation: INDICATORS.md applied to the rows above, in plain JavaScript
// ---------------------------------------------------------------------------------------------

interface Period {
  from: string
  to: string
}
type Scope = 'own' | 'subtree'
interface Rate {
  numerator: number
  denominator: number
  value: number | null
}

/** Half-up to two decimals by long division: the hundredths of a percent, then the remainder decides. */
function roundedPercent(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null
  const scaled = numerator * 10_000
  let hundredths = Math.floor(scaled / denominator)
  const remainder = scaled - hundredths * denominator
  if (2 * remainder >= denominator) hundredths += 1
  return hundredths / 100
}

function rate(numerator: number, denominator: number): Rate {
  return { numerator, denominator, value: roundedPercent(numerator, denominator) }
}

/** A Vietnam date: every time of the fixture is written with +07:00, so its first ten characters. */
function vnDay(iso: string): string {
  return iso.slice(0, 10)
}

function inScope(row: LetterDossier, unitCode: string, scope: Scope): boolean {
  return scope === 'own' ? row.unitCode === unitCode : row.unitCode === unitCode || row.unitCode.startsWith(`${unitCode}.`)
}

interface Figures {
  received: { value: number }
  online_rate: Rate
  dossier_digitization_rate: Rate
  online_payment_rate: Rate
  ecert_copies: { value: number }
  /** Subtrees only. */
  ecert_units?: { value: number }
  /** Subtrees only: communes that have ever e-certified, up to the period's end. */
  ecert_units_to_date?: { value: number }
}

/** The letter figures of one unit, scope and period, counted from the rows. */
function expected(unitCode: string, scope: Scope, period: Period): Figures {
  const received = ROWS.filter((r) => inScope(r, unitCode, scope) && vnDay(r.receivedAt) >= period.from && vnDay(r.receivedAt) <= period.to)
  const withComponents = received.filter((r) => r.componentsTotal > 0)
  const eligible = received.filter((r) => ONLINE_ELIGIBLE.has(r.procedureCode))
  const withFee = received.filter((r) => r.feeVnd > 0)
  const figures: Figures = {
    received: { value: received.length },
    online_rate: rate(eligible.filter((r) => r.channel === 'online').length, eligible.length),
    dossier_digitization_rate: rate(withComponents.filter((r) => r.componentsDigitized === r.componentsTotal).length, withComponents.length),
    online_payment_rate: rate(withFee.filter((r) => r.paidOnline).length, withFee.length),
    ecert_copies: { value: received.reduce((sum, r) => sum + r.ecertCopies, 0) },
  }
  if (scope === 'own') return figures
  const doing = new Set(received.filter((r) => COMMUNE_CODES.has(r.unitCode) && r.ecertCopies > 0).map((r) => r.unitCode))
  const everDone = new Set(
    ROWS.filter((r) => inScope(r, unitCode, scope) && vnDay(r.receivedAt) <= period.to && COMMUNE_CODES.has(r.unitCode) && r.ecertCopies > 0).map((r) => r.unitCode),
  )
  return { ...figures, ecert_units: { value: doing.size }, ecert_units_to_date: { value: everDone.size } }
}

/** The rows `indicators --children` has: the subtree, the district's own one-stop shop, then each commune by code. */
function expectedReport(period: Period) {
  const communes = [...COMMUNES].sort((a, b) => (a.code < b.code ? -1 : 1))
  return [
    { unit_code: DISTRICT_CODE, scope: 'subtree', indicators: expected(DISTRICT_CODE, 'subtree', period) },
    { unit_code: DISTRICT_CODE, scope: 'own', indicators: expected(DISTRICT_CODE, 'own', period) },
    ...communes.map((c) => ({ unit_code: c.code, scope: 'subtree', indicators: expected(c.code, 'subtree', period) })),
  ]
}

/** The fewest extra paid (or digitized) dossiers, same denominator, whose rounded rate reaches the minimum. */
function gapTo(minimum: number, { numerator, denominator }: Rate): number {
  let extra = 0
  while ((roundedPercent(numerator + extra, denominator) ?? 0) < minimum) extra++
  return extra
}

/** As the letters write a percentage: one decimal at most, half-up from the fraction itself, decimal comma. */
function letterPercent(numerator: number, denominator: number): string {
  const scaled = numerator * 1000
  let tenths = Math.floor(scaled / denominator)
  if (2 * (scaled - tenths * denominator) >= denominator) tenths += 1
  return tenths % 10 === 0 ? `${tenths / 10}%` : `${Math.floor(tenths / 10)},${tenths % 10}%`
}

/** The difference of two two-decimal percentages, in hundredths so that 35.44 − 3.95 is 31.49. */
function pointsBetween(a: number, b: number): number {
  return (Math.round(a * 100) - Math.round(b * 100)) / 100
}

function ofCommune(short: string, period: Period) {
  return expected(communeCode(short), 'subtree', period)
}

function query(path: string, params: Record<string, string | number | boolean>): string {
  return `${path}?${new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)])).toString()}`
}

async function getJson<T>(url: string): Promise<T> {
  const response = await viewer.inject(url)
  expect(response.statusCode, response.body).toBe(200)
  return response.json<T>()
}

interface Listed {
  unitCode: string
  unitName: string
  value: number | null
}
interface Lists {
  above: Listed[]
  below: Listed[]
  zero: Listed[]
  noValue: Listed[]
  ecertNotStarted: Listed[]
  criticised: Listed[]
}
interface TableFigure extends Partial<Rate> {
  value: number | null
  previous: number | null
  change: number | null
  target: { minimum: number; decided_by: string; status: string; gap: number | null } | null
  rank: number | null
}
interface Table {
  from: string
  to: string
  previous: Period
  rows: { unit_code: string; unit_name: string; scope: Scope; indicators: Record<string, TableFigure> }[]
}

function rowOf<R extends { unit_code: string; scope: string }>(rows: readonly R[], unitCode: string, scope: Scope = 'subtree'): R {
  const row = rows.find((r) => r.unit_code === unitCode && r.scope === scope)
  if (!row) throw new Error(`no row ${unitCode} ${scope}`)
  return row
}

/** Every figure the JavaScript computed, found the same in a report of the engine, the API or the command line. */
function expectSameFigures(report: Pick<IndicatorReport, 'rows'> | Table, period: Period): void {
  const want = expectedReport(period)
  expect(report.rows.map((r) => [r.unit_code, r.scope])).toEqual(want.map((r) => [r.unit_code, r.scope]))
  report.rows.forEach((row, i) => {
    for (const [id, figure] of Object.entries(want[i]!.indicators)) {
      expect((row.indicators as Record<string, unknown>)[id], `${row.unit_code} ${row.scope} ${id}`).toMatchObject(figure)
    }
  })
}

// ---------------------------------------------------------------------------------------------

describe('the fixture and the arithmetic of the letters', () => {
  it('every Tứ Kỳ commune of the demo is in the week’s data, and every time is a Vietnam time on a weekday', () => {
    expect(COMMUNES).toHaveLength(23)
    expect(Object.keys(WEEK_DIGITIZATION).sort(vi.compare)).toEqual(COMMUNES.map((c) => c.short).sort(vi.compare))
    expect(new Set(ROWS.map((r) => r.code)).size).toBe(ROWS.length)
    for (const row of ROWS) {
      expect([row.receivedAt, row.dueAt, row.finishedAt].every((t) => t.endsWith('+07:00')), row.code).toBe(true)
      const day = new Date(`${vnDay(row.receivedAt)}T00:00:00Z`).getUTCDay()
      expect(day >= 1 && day <= 5, row.code).toBe(true)
      expect(row.dueAt >= row.receivedAt && row.finishedAt <= row.dueAt, row.code).toBe(true)
    }
  })

  it('half-up rounding to two decimals, computed here, is the product’s percentage()', () => {
    const fractions = [
      [290, 495], [79, 2000], [886, 2500], [65, 200], [216, 235], [1262, 2340], [7, 36], [16, 133], [29, 166], [23, 270], [51, 200], [6, 25],
      [35, 36], [23, 24], [31, 33], [1, 30], [1, 22], [3, 17], [1, 8], [1, 800], [1, 3], [2, 3], [0, 5], [5, 5], [0, 0],
      ...Object.values(WEEK_DIGITIZATION),
    ] as const
    for (const [n, d] of fractions) expect(percentage(n, d), `${n}/${d}`).toBe(roundedPercent(n, d))
    expect(roundedPercent(1, 800)).toBe(0.13) // 0.125 % rounds up
    expect(roundedPercent(0, 0)).toBeNull()
  })

  it('the letters’ figures are the rounded fractions: 58,59%, 3,95%, 35,44%, 53,93% and the communes at one decimal', () => {
    expect(formatPercent(roundedPercent(290, 495))).toBe('58,59%')
    expect(formatPercent(roundedPercent(79, 2000))).toBe('3,95%')
    expect(formatPercent(roundedPercent(886, 2500))).toBe('35,44%')
    expect(formatPercent(roundedPercent(1262, 2340))).toBe('53,93%')
    expect(letterPercent(...JULY_DISTRICT_OWN)).toBe('32,5%')
    expect(letterPercent(...AUGUST_DISTRICT_OWN)).toBe('91,9%')
    // Seed 000 as written: "An Thanh, Quang Trung và Quang Khải (100%), Dân Chủ (97,2%), …, Ngọc Kỳ (20%)".
    const written: Record<string, string> = {
      'An Thanh': '100%', 'Quang Trung': '100%', 'Quang Khải': '100%', 'Dân Chủ': '97,2%', 'Phượng Kỳ': '95,8%', 'Quảng Nghiệp': '93,9%',
      'Nguyên Giáp': '92%', 'Đại Hợp': '88%', 'Hà Thanh': '0%', 'Tân Kỳ': '0%', 'Văn Tố': '3,3%', 'Tiên Động': '4,5%', 'Hưng Đạo': '17,6%', 'Ngọc Kỳ': '20%',
    }
    for (const [commune, text] of Object.entries(written)) expect(letterPercent(...WEEK_DIGITIZATION[commune]!), commune).toBe(text)
    // One decimal must come from the fraction: rounding the two-decimal figure again would say
    // 4,6% for Tiên Động (1/22 → 4.55) and 17,7% for Hưng Đạo (3/17 → 17.65), not the letter's.
    expect(roundedPercent(1, 22)).toBe(4.55)
    expect(roundedPercent(3, 17)).toBe(17.65)
    // Seed 002 as written: "Cộng Lạc 24%; Dân Chủ 19,44%; Hưng Đạo 12,03%; Phượng Kỳ 17,47%; Tiên Động 8,52%; Tái Sơn 25,5%".
    const payment: Record<string, string> = { 'Cộng Lạc': '24%', 'Dân Chủ': '19,44%', 'Hưng Đạo': '12,03%', 'Phượng Kỳ': '17,47%', 'Tiên Động': '8,52%', 'Tái Sơn': '25,5%' }
    for (const [commune, text] of Object.entries(payment)) expect(formatPercent(roundedPercent(...PAYMENT_2023_LOW[commune]!)), commune).toBe(text)
  })
})

describe('seed 000: digitization and e-certified copies in the week 5–9/9/2022', () => {
  const week = { from: WEEK.from, to: WEEK.to }

  it('Tứ Kỳ digitized 58,59% (290/495) of its dossiers; its own one-stop shop 30/40; every commune as counted from the rows', async () => {
    const mine = expected(DISTRICT_CODE, 'subtree', week)
    expect(mine.dossier_digitization_rate).toEqual({ numerator: 290, denominator: 495, value: 58.59 })
    expect(mine.received.value).toBe(495 + 6) // six dossiers with no components are received but not measured
    expect(expected(DISTRICT_CODE, 'own', week).dossier_digitization_rate).toEqual({ numerator: 30, denominator: 40, value: 75 })
    const report = await getIndicators(handle.db, { unitCode: DISTRICT_CODE, from: week.from, to: week.to, children: true })
    expect(report).toMatchObject({ from: week.from, to: week.to })
    expectSameFigures(report, week)
    expect(formatPercent(rowOf(report.rows, DISTRICT_CODE).indicators.dossier_digitization_rate.value)).toBe('58,59%')
    for (const [commune, [numerator, denominator]] of Object.entries(WEEK_DIGITIZATION)) {
      expect(rowOf(report.rows, communeCode(commune)).indicators.dossier_digitization_rate, commune).toEqual(rate(numerator, denominator))
    }
  })

  it('the praise list (≥ 88 %) is An Thanh, Quang Trung, Quang Khải (the letter’s order: equal figures by their rise since the week before), Dân Chủ, Phượng Kỳ, Quảng Nghiệp, Nguyên Giáp, Đại Hợp; the criticism list (≤ 20 %) is Hà Thanh, Tân Kỳ, Văn Tố, Tiên Động, Hưng Đạo, Ngọc Kỳ', async () => {
    const lists = await getJson<Lists>(query('/api/v1/indicators/lists', { unit: DISTRICT_CODE, ...week, indicator: 'dossier_digitization_rate', above: 88, below: 20 }))
    const praised = ['An Thanh', 'Quang Trung', 'Quang Khải', 'Dân Chủ', 'Phượng Kỳ', 'Quảng Nghiệp', 'Nguyên Giáp', 'Đại Hợp']
    const criticised = ['Hà Thanh', 'Tân Kỳ', 'Văn Tố', 'Tiên Động', 'Hưng Đạo', 'Ngọc Kỳ']
    const listed = (names: string[]) =>
      names.map((short) => ({ unitCode: communeCode(short), unitName: `Xã ${short}`, value: ofCommune(short, week).dossier_digitization_rate.value }))
    expect(lists.above).toEqual(listed(praised))
    expect(lists.below).toEqual(listed(criticised))
    expect(lists.zero.map((u) => communeShortName(u.unitCode))).toEqual(['Hà Thanh', 'Tân Kỳ'])
    expect(lists.noValue).toEqual([])
    // The same units, found from the rows alone: a value at or above 88, at or below 20.
    const values = COMMUNES.map((c) => ({ short: c.short, name: c.name, value: ofCommune(c.short, week).dossier_digitization_rate.value! }))
    const sorted = (names: string[]) => [...names].sort(vi.compare)
    expect(sorted(values.filter((v) => v.value >= 88).map((v) => v.short))).toEqual(sorted(praised))
    expect(sorted(values.filter((v) => v.value <= 20).map((v) => v.short))).toEqual(sorted(criticised))
    // With the letter's figures: "Dân Chủ (97,2%), Phượng Kỳ (95,8%), …, Tiên Động (4,5%), Hưng Đạo (17,6%)".
    expect(lists.above.map((u) => `${communeShortName(u.unitCode)} (${letterPercent(...WEEK_DIGITIZATION[communeShortName(u.unitCode)]!)})`)).toEqual([
      'An Thanh (100%)', 'Quang Trung (100%)', 'Quang Khải (100%)', 'Dân Chủ (97,2%)', 'Phượng Kỳ (95,8%)', 'Quảng Nghiệp (93,9%)', 'Nguyên Giáp (92%)', 'Đại Hợp (88%)',
    ])
    expect(lists.below.map((u) => `${communeShortName(u.unitCode)} (${letterPercent(...WEEK_DIGITIZATION[communeShortName(u.unitCode)]!)})`)).toEqual([
      'Hà Thanh (0%)', 'Tân Kỳ (0%)', 'Văn Tố (3,3%)', 'Tiên Động (4,5%)', 'Hưng Đạo (17,6%)', 'Ngọc Kỳ (20%)',
    ])
  })

  it('the API table has the same figures, the communes ranked among themselves, the 2022 targets (25 % commune, 40 % district one-stop) and the same days a week before', async () => {
    const table = await getJson<Table>(query('/api/v1/indicators', { unit: DISTRICT_CODE, ...week, children: true }))
    expect(table.previous).toEqual({ from: '2022-08-29', to: '2022-09-02' })
    expectSameFigures(table, week)
    const figure = (code: string, scope: Scope = 'subtree') => rowOf(table.rows, code, scope).indicators.dossier_digitization_rate!
    const valueOf = (code: string) => expected(code, 'subtree', week).dossier_digitization_rate.value
    for (const c of COMMUNES) {
      const mine = expected(c.code, 'subtree', week).dossier_digitization_rate
      const rank = 1 + COMMUNES.filter((o) => (valueOf(o.code) ?? -1) > mine.value!).length
      const target = mine.value! >= 25 ? { status: 'meets', gap: 0 } : { status: 'misses', gap: gapTo(25, mine) }
      expect(figure(c.code), c.short).toMatchObject({ rank, target: { minimum: 25, decided_by: 'UBND tỉnh', ...target } })
    }
    expect(figure(communeCode('An Thanh')).rank).toBe(1)
    expect(figure(communeCode('Quang Trung')).rank).toBe(1)
    expect(figure(communeCode('Dân Chủ')).rank).toBe(4)
    // Văn Tố 1/30 needs 7 more (8/30 = 26,67%); Ngọc Kỳ 2/10 needs 1 (3/10 = 30%).
    expect(figure(communeCode('Văn Tố')).target).toMatchObject({ status: 'misses', gap: 7 })
    expect(figure(communeCode('Ngọc Kỳ')).target).toMatchObject({ status: 'misses', gap: 1 })
    expect(COMMUNES.filter((c) => figure(c.code).target?.status === 'misses').map((c) => c.short).sort(vi.compare)).toEqual(
      ['Hà Thanh', 'Hưng Đạo', 'Ngọc Kỳ', 'Tân Kỳ', 'Tiên Động', 'Văn Tố'].sort(vi.compare),
    )
    // The district's 40 % is for its own one-stop shop, not for "toàn huyện".
    expect(figure(DISTRICT_CODE, 'own').target).toMatchObject({ minimum: 40, status: 'meets', gap: 0 })
    expect(figure(DISTRICT_CODE).target).toBeNull()
    // The five days before the week are 31/8 (August's last dossiers) to 4/9.
    const before = expected(DISTRICT_CODE, 'subtree', table.previous).dossier_digitization_rate
    expect(before.denominator).toBeGreaterThan(0)
    expect(figure(DISTRICT_CODE)).toMatchObject({ value: 58.59, previous: before.value, change: pointsBetween(58.59, before.value!) })
  })

  it('every commune but Hà Kỳ, Minh Đức, Quang Phục and Chí Minh has started e-certifying copies by 9/9: 19 communes, though only 16 issued any in the week', async () => {
    const mine = expected(DISTRICT_CODE, 'subtree', week)
    expect(mine.ecert_units_to_date).toEqual({ value: 19 })
    expect(mine.ecert_units).toEqual({ value: 19 - WEEK_ECERT_STOPPED.length })
    const report = await getIndicators(handle.db, { unitCode: DISTRICT_CODE, from: week.from, to: week.to, children: true })
    expect(rowOf(report.rows, DISTRICT_CODE).indicators.ecert_units_to_date).toEqual({ value: 19 })
    expect(rowOf(report.rows, DISTRICT_CODE).indicators.ecert_units).toEqual(mine.ecert_units)
    expect(rowOf(report.rows, DISTRICT_CODE).indicators.ecert_copies).toEqual(mine.ecert_copies)
    // The district's own copies count as copies, not as a commune doing it.
    expect(expected(DISTRICT_CODE, 'own', week).ecert_copies.value).toBeGreaterThan(0)
    expect(rowOf(report.rows, DISTRICT_CODE, 'own').indicators.ecert_units).toBeUndefined()
    expect(rowOf(report.rows, DISTRICT_CODE, 'own').indicators.ecert_units_to_date).toBeUndefined()
    // "Chưa thực hiện" is never up to the period's end: the four, not the communes that stopped.
    const never = COMMUNES.filter((c) => ofCommune(c.short, week).ecert_units_to_date!.value === 0).sort((a, b) => vi.compare(a.name, b.name))
    expect(never.map((c) => c.short)).toEqual(['Chí Minh', 'Hà Kỳ', 'Minh Đức', 'Quang Phục'])
    expect(never.map((c) => c.short).sort(vi.compare)).toEqual([...WEEK_NO_ECERT].sort(vi.compare))
    const noneThisWeek = COMMUNES.filter((c) => ofCommune(c.short, week).ecert_copies.value === 0).sort((a, b) => vi.compare(a.name, b.name))
    expect(noneThisWeek.map((c) => c.short).sort(vi.compare)).toEqual([...WEEK_NO_ECERT, ...WEEK_ECERT_STOPPED].sort(vi.compare))
    const lists = await getJson<Lists>(query('/api/v1/indicators/lists', { unit: DISTRICT_CODE, ...week, indicator: 'ecert_copies' }))
    expect(lists.ecertNotStarted).toEqual(never.map((c) => ({ unitCode: c.code, unitName: c.name, value: 0 })))
    // The in-period count's own zero list is what it says: no copy this week.
    expect(lists.zero).toEqual(noneThisWeek.map((c) => ({ unitCode: c.code, unitName: c.name, value: 0 })))
  })

  it('the dashboard’s lists criticise whom seed 000 criticises: the six below 20 % and the four that never e-certified, never the praised Quảng Nghiệp that stopped', async () => {
    const lists = await getJson<Lists>(query('/api/v1/indicators/lists', { unit: DISTRICT_CODE, ...week, indicator: 'dossier_digitization_rate', above: 88, below: 20 }))
    const low = COMMUNES.filter((c) => ofCommune(c.short, week).dossier_digitization_rate.value! <= 20)
    const never = COMMUNES.filter((c) => ofCommune(c.short, week).ecert_units_to_date!.value === 0)
    const praised = new Set(lists.above.map((u) => u.unitCode))
    const wanted = new Set([...low, ...never].map((c) => c.code).filter((code) => !praised.has(code)))
    expect(new Set(lists.criticised.map((u) => u.unitCode))).toEqual(wanted)
    expect(lists.criticised).toHaveLength(wanted.size)
    expect(lists.criticised.map((u) => communeShortName(u.unitCode)).sort(vi.compare)).toEqual(
      ['Văn Tố', 'Hà Thanh', 'Tân Kỳ', 'Tiên Động', 'Hưng Đạo', 'Ngọc Kỳ', 'Hà Kỳ', 'Minh Đức', 'Quang Phục', 'Chí Minh'].sort(vi.compare),
    )
    expect(lists.criticised.some((u) => praised.has(u.unitCode))).toBe(false)
    expect(lists.above.map((u) => communeShortName(u.unitCode))).toContain('Quảng Nghiệp')
    expect(ofCommune('Quảng Nghiệp', week).ecert_copies.value).toBe(0)
  })

  it('the cumulative figure counts from a start date when one is given: since 1/8/2022 Quảng Nghiệp (July only) has not started', async () => {
    const table = await getJson<Table>(query('/api/v1/indicators', { unit: DISTRICT_CODE, ...week, children: true, ecert_since: '2022-08-01' }))
    const since = { from: '2022-08-01', to: week.to }
    const counted = COMMUNES.filter((c) => expected(c.code, 'subtree', since).ecert_copies.value > 0)
    expect(rowOf(table.rows, DISTRICT_CODE).indicators.ecert_units_to_date!.value).toBe(counted.length)
    expect(counted.map((c) => c.short)).not.toContain('Quảng Nghiệp')
    expect(rowOf(table.rows, communeCode('Quảng Nghiệp')).indicators.ecert_units_to_date!.value).toBe(0)
    const lists = await getJson<Lists>(query('/api/v1/indicators/lists', { unit: DISTRICT_CODE, ...week, indicator: 'dossier_digitization_rate', above: 88, below: 20, ecert_since: '2022-08-01' }))
    expect(lists.ecertNotStarted.map((u) => communeShortName(u.unitCode))).toContain('Quảng Nghiệp')
    expect(lists.criticised.map((u) => communeShortName(u.unitCode))).not.toContain('Quảng Nghiệp')
    const unreal = await viewer.inject(query('/api/v1/indicators', { unit: DISTRICT_CODE, ...week, ecert_since: '2022-02-30' }))
    expect(unreal.statusCode).toBe(400)
    expect(unreal.json().message).toMatch(/ecert_since/)
  })

  it('the command line prints the same figures as JSON from the same three files', { timeout: 300_000 }, async () => {
    const server = await createServerTestDatabase()
    const env: NodeJS.ProcessEnv = server ? { DATABASE_URL: server.url } : {}
    const dataDir = join(dir, 'cli-data')
    try {
      for (const [kind, path] of [['units', files.units], ['procedures', files.procedures], ['dossiers', files.dossiers]] as const) {
        const imported = await runCli(['import', kind, path, '--json', '--data', dataDir], env)
        expect(imported.code, imported.stderr).toBe(0)
      }
      const result = await runCli(['indicators', '--unit', DISTRICT_CODE, '--from', week.from, '--to', week.to, '--children', '--json', '--data', dataDir], env)
      expect(result.code, result.stderr).toBe(0)
      const printed = JSON.parse(result.stdout) as IndicatorReport
      expect(printed).toMatchObject({ from: week.from, to: week.to })
      expectSameFigures(printed, week)
      expect(rowOf(printed.rows, DISTRICT_CODE).indicators.dossier_digitization_rate).toEqual({ numerator: 290, denominator: 495, value: 58.59 })
      expect(rowOf(printed.rows, DISTRICT_CODE).indicators.ecert_units_to_date).toEqual({ value: 19 })
      const engine = await getIndicators(handle.db, { unitCode: DISTRICT_CODE, from: week.from, to: week.to, children: true })
      expect(printed).toEqual(JSON.parse(JSON.stringify(engine)))
    } finally {
      await server?.drop()
    }
  })
})

describe('seeds 000 and 001: the trend of digitization in 2022', () => {
  it('Tứ Kỳ’s digitization rose from 3,95% in July to 35,44% in August and 58,59% in the week 5–9/9/2022', async () => {
    const july = expected(DISTRICT_CODE, 'subtree', JULY)
    const august = expected(DISTRICT_CODE, 'subtree', AUGUST)
    expect(july.dossier_digitization_rate).toEqual({ numerator: 79, denominator: 2000, value: 3.95 })
    expect(august.dossier_digitization_rate).toEqual({ numerator: 886, denominator: 2500, value: 35.44 })
    const series = await getJson<{ points: { from: string; to: string; label: string; indicators: Record<string, Rate> }[] }>(
      query('/api/v1/indicators/series', { unit: DISTRICT_CODE, from: JULY.from, to: AUGUST.to, granularity: 'month' }),
    )
    expect(series.points.map((p) => [p.from, p.to, p.label, p.indicators.dossier_digitization_rate])).toEqual([
      [JULY.from, JULY.to, 'Tháng 7/2022', july.dossier_digitization_rate],
      [AUGUST.from, AUGUST.to, 'Tháng 8/2022', august.dossier_digitization_rate],
    ])
    // Through the week: the third month is cut to 1–9/9 (1 and 2/9 were holidays, nothing received).
    const through = await getJson<{ points: { indicators: Record<string, Rate> }[] }>(
      query('/api/v1/indicators/series', { unit: DISTRICT_CODE, from: JULY.from, to: WEEK.to, granularity: 'month' }),
    )
    expect(through.points.map((p) => formatPercent(p.indicators.dossier_digitization_rate!.value))).toEqual(['3,95%', '35,44%', '58,59%'])
    expect(through.points[2]!.indicators.dossier_digitization_rate).toEqual(expected(DISTRICT_CODE, 'subtree', { from: '2022-09-01', to: WEEK.to }).dossier_digitization_rate)
  })

  it('in July the district’s one-stop shop digitized 32,5% and the communes very little, some 0%', async () => {
    const report = await getIndicators(handle.db, { unitCode: DISTRICT_CODE, ...JULY, children: true })
    expectSameFigures(report, JULY)
    const own = rowOf(report.rows, DISTRICT_CODE, 'own').indicators.dossier_digitization_rate
    expect(own).toEqual({ numerator: 65, denominator: 200, value: 32.5 })
    expect(letterPercent(own.numerator, own.denominator)).toBe('32,5%')
    const communeValues = COMMUNES.map((c) => rowOf(report.rows, c.code).indicators.dossier_digitization_rate.value!)
    expect(Math.max(...communeValues)).toBeLessThan(5)
    expect(communeValues).toContain(0)
  })

  it('by the end of July only Quảng Nghiệp and Đại Sơn had issued e-certified copies: 02/23 communes', async () => {
    const upToJuly = { from: '2022-01-01', to: JULY.to }
    expect(expected(DISTRICT_CODE, 'subtree', upToJuly).ecert_units).toEqual({ value: 2 })
    const report = await getIndicators(handle.db, { unitCode: DISTRICT_CODE, ...upToJuly, children: true })
    expect(rowOf(report.rows, DISTRICT_CODE).indicators.ecert_units).toEqual({ value: 2 })
    const doing = report.rows.slice(2).filter((r) => r.indicators.ecert_copies.value > 0).map((r) => communeShortName(r.unit_code))
    expect(doing.sort(vi.compare)).toEqual(['Đại Sơn', 'Quảng Nghiệp'].sort(vi.compare))
    // "Tính đến tháng 7/2022" is the cumulative figure: the same 02/23 asked for July alone, or for August's last week.
    const july = await getIndicators(handle.db, { unitCode: DISTRICT_CODE, ...JULY, children: true })
    expect(rowOf(july.rows, DISTRICT_CODE).indicators.ecert_units_to_date).toEqual({ value: 2 })
    const lateAugust = { from: '2022-08-22', to: '2022-08-31' }
    const august = await getIndicators(handle.db, { unitCode: DISTRICT_CODE, ...lateAugust, children: true })
    expect(rowOf(august.rows, DISTRICT_CODE).indicators.ecert_units).toEqual({ value: 0 })
    expect(rowOf(august.rows, DISTRICT_CODE).indicators.ecert_units_to_date).toEqual(expected(DISTRICT_CODE, 'subtree', lateAugust).ecert_units_to_date)
    expect(rowOf(august.rows, DISTRICT_CODE).indicators.ecert_units_to_date!.value).toBeGreaterThan(2)
  })

  it('in August: one-stop shop 91,9%, Quang Khải 93%, Quang Trung and Dân Chủ 83%, Quảng Nghiệp 76%, An Thanh and Hà Kỳ above 50%, Hưng Đạo, Tái Sơn and Tân Kỳ 0%; 31,49 points up on July', async () => {
    const table = await getJson<Table>(query('/api/v1/indicators', { unit: DISTRICT_CODE, ...AUGUST, children: true }))
    // August and July both have 31 days: the previous period of equal length is exactly July.
    expect(table.previous).toEqual({ from: JULY.from, to: JULY.to })
    expectSameFigures(table, AUGUST)
    const figure = (code: string, scope: Scope = 'subtree') => rowOf(table.rows, code, scope).indicators.dossier_digitization_rate!
    const july = expected(DISTRICT_CODE, 'subtree', JULY).dossier_digitization_rate.value!
    expect(figure(DISTRICT_CODE)).toMatchObject({ value: 35.44, previous: 3.95, change: pointsBetween(35.44, july) })
    expect(figure(DISTRICT_CODE).change).toBe(31.49)
    const own = figure(DISTRICT_CODE, 'own')
    expect(letterPercent(own.numerator!, own.denominator!)).toBe('91,9%')
    expect(own).toMatchObject({ value: 91.91, previous: 32.5, change: 59.41 })
    const letter = (short: string) => letterPercent(figure(communeCode(short)).numerator!, figure(communeCode(short)).denominator!)
    expect(['Quang Khải', 'Quang Trung', 'Dân Chủ', 'Quảng Nghiệp', 'Hưng Đạo', 'Tái Sơn', 'Tân Kỳ'].map(letter)).toEqual(['93%', '83%', '83%', '76%', '0%', '0%', '0%'])
    expect(figure(communeCode('An Thanh')).value).toBeGreaterThan(50)
    expect(figure(communeCode('Hà Kỳ')).value).toBeGreaterThan(50)
    const above50 = COMMUNES.filter((c) => ofCommune(c.short, AUGUST).dossier_digitization_rate.value! > 50).map((c) => c.short)
    expect(above50.sort(vi.compare)).toEqual(['An Thanh', 'Dân Chủ', 'Hà Kỳ', 'Quang Khải', 'Quang Trung', 'Quảng Nghiệp'].sort(vi.compare))
  })
})

describe('seed 002: online payment of fees, January to September 2023', () => {
  const year = { from: YEAR_2023.from, to: YEAR_2023.to }

  it('Tứ Kỳ paid 53,93% of its fees online (1262/2340), free dossiers left out, each commune as the letter writes it', async () => {
    const mine = expected(DISTRICT_CODE, 'subtree', year)
    expect(mine.online_payment_rate).toEqual({ numerator: 1262, denominator: 2340, value: 53.93 })
    expect(mine.received.value).toBe(2340 + 23 * 2 + 10)
    expect(expected(DISTRICT_CODE, 'own', year).online_payment_rate).toEqual({ numerator: 926, denominator: 1000, value: 92.6 })
    const report = await getIndicators(handle.db, { unitCode: DISTRICT_CODE, ...year, children: true })
    expectSameFigures(report, year)
    expect(formatPercent(rowOf(report.rows, DISTRICT_CODE).indicators.online_payment_rate.value)).toBe('53,93%')
    const written = { 'Cộng Lạc': '24%', 'Dân Chủ': '19,44%', 'Hưng Đạo': '12,03%', 'Phượng Kỳ': '17,47%', 'Tiên Động': '8,52%', 'Tái Sơn': '25,5%' }
    for (const [commune, text] of Object.entries(written)) {
      expect(formatPercent(rowOf(report.rows, communeCode(commune)).indicators.online_payment_rate.value), commune).toBe(text)
    }
  })

  it('exactly the six communes the letter names are below the 30 % target, each with the paid dossiers it lacks (Tiên Động 58)', async () => {
    // "chưa đạt chỉ tiêu 30%" is a value under 30; values have two decimals, so under 30 is at or below 29,99.
    const lists = await getJson<Lists>(query('/api/v1/indicators/lists', { unit: DISTRICT_CODE, ...year, indicator: 'online_payment_rate', below: 29.99 }))
    const low = COMMUNES.filter((c) => ofCommune(c.short, year).online_payment_rate.value! < 30)
      .map((c) => ({ unitCode: c.code, unitName: c.name, value: ofCommune(c.short, year).online_payment_rate.value }))
      .sort((a, b) => a.value! - b.value!)
    expect(lists.below).toEqual(low)
    expect(lists.below.map((u) => communeShortName(u.unitCode)).sort(vi.compare)).toEqual(Object.keys(PAYMENT_2023_LOW).sort(vi.compare))
    expect(lists.below.map((u) => communeShortName(u.unitCode))).toEqual(['Tiên Động', 'Hưng Đạo', 'Phượng Kỳ', 'Dân Chủ', 'Cộng Lạc', 'Tái Sơn'])

    const table = await getJson<Table>(query('/api/v1/indicators', { unit: DISTRICT_CODE, ...year, children: true }))
    const figure = (code: string, scope: Scope = 'subtree') => rowOf(table.rows, code, scope).indicators.online_payment_rate!
    for (const c of COMMUNES) {
      const mine = ofCommune(c.short, year).online_payment_rate
      const check = mine.value! >= 30 ? { status: 'meets', gap: 0 } : { status: 'misses', gap: gapTo(30, mine) }
      expect(figure(c.code).target, c.short).toEqual({ minimum: 30, decided_by: 'UBND tỉnh', ...check })
    }
    const gaps = Object.fromEntries(COMMUNES.filter((c) => figure(c.code).target?.status === 'misses').map((c) => [c.short, figure(c.code).target!.gap]))
    expect(gaps).toEqual({ 'Cộng Lạc': 2, 'Dân Chủ': 4, 'Hưng Đạo': 24, 'Phượng Kỳ': 21, 'Tiên Động': 58, 'Tái Sơn': 9 })
    // Tiên Động: 81/270 is exactly 30 %, 80/270 is 29,63 %.
    expect(roundedPercent(23 + 58, 270)).toBe(30)
    expect(roundedPercent(23 + 57, 270)).toBeLessThan(30)
    // The commune target says nothing of the district's rows.
    expect(figure(DISTRICT_CODE).target).toBeNull()
    expect(figure(DISTRICT_CODE, 'own').target).toBeNull()
  })
})
