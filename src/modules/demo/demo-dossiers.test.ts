import { describe, expect, it } from 'vitest'
import { computeDueAt, isLate, WorkingCalendar } from '../../domain/calendar/index.js'
import type { DossierInput } from '../../domain/dossiers/dossier-input.js'
import { buildDemoDataset } from './demo-dataset.js'
import { EARLY_ECERT_COMMUNES, NO_ECERT_COMMUNES, WEAK_PAYMENT_COMMUNES } from './demo-story.js'
import { tuKyCommuneCode } from './demo-units.js'

/**
 * The story of the seed letters, recomputed from the generated rows with plain JavaScript
 * (not with the product's indicator engine, which these rows will later be used to test).
 */

const HOUR = 3_600_000
const vnDate = (instant: Date) => new Date(instant.getTime() + 7 * HOUR).toISOString().slice(0, 10)
const receivedDates = new Map<DossierInput, string>()
const receivedDate = (row: DossierInput) => {
  let date = receivedDates.get(row)
  if (date === undefined) {
    date = vnDate(row.receivedAt)
    receivedDates.set(row, date)
  }
  return date
}

const dataset = buildDemoDataset()
const rows = [...dataset.dossiers()]
const procedures = new Map(dataset.procedures.map((p) => [p.code, p]))
const unitsByCode = new Map(dataset.units.map((u) => [u.code, u]))

const TU_KY = 'H23.07'
const inTuKy = (row: DossierInput) => row.unitCode === TU_KY || row.unitCode.startsWith(`${TU_KY}.`)
const ofCommune = (name: string) => {
  const code = tuKyCommuneCode(name)
  return (row: DossierInput) => row.unitCode === code
}
const receivedBetween = (from: string, to: string) => (row: DossierInput) => {
  const date = receivedDate(row)
  return date >= from && date <= to
}
const finishedBetween = (from: string, to: string) => (row: DossierInput) => {
  if (!(row.status === 'finished' || row.status === 'returned') || !row.finishedAt) return false
  const date = vnDate(row.finishedAt)
  return date >= from && date <= to
}

/** A ratio of sums as a percentage, like INDICATORS.md. */
function rate(selection: readonly DossierInput[], counted: (row: DossierInput) => boolean): number {
  if (selection.length === 0) return Number.NaN
  return (100 * selection.filter(counted).length) / selection.length
}
const select = (...filters: ((row: DossierInput) => boolean)[]) => rows.filter((row) => filters.every((f) => f(row)))

const fullyDigitized = (row: DossierInput) => row.componentsTotal > 0 && row.componentsDigitized === row.componentsTotal
const withComponents = (row: DossierInput) => row.componentsTotal > 0
const onlineCapable = (row: DossierInput) => procedures.get(row.procedureCode)?.onlineLevel !== 'none'
const isCommune = (row: DossierInput) => unitsByCode.get(row.unitCode)?.kind === 'commune'

function digitization(from: string, to: string, ...filters: ((row: DossierInput) => boolean)[]): number {
  return rate(select(receivedBetween(from, to), withComponents, ...filters), fullyDigitized)
}

describe('the demo tells the story of the Tứ Kỳ letters: digitization of dossiers', () => {
  it('district-wide, July 2022 stays under 10 % (the letters: 3,95 %)', () => {
    expect(digitization('2022-07-01', '2022-07-31', inTuKy)).toBeLessThan(10)
  })

  it('district-wide, August 2022 is between 25 % and 45 % (the letters: 35,44 %)', () => {
    const august = digitization('2022-08-01', '2022-08-31', inTuKy)
    expect(august).toBeGreaterThan(25)
    expect(august).toBeLessThan(45)
  })

  it('district-wide, the week 5–9/9/2022 is between 50 % and 65 % (the letters: 58,59 %)', () => {
    const week = digitization('2022-09-05', '2022-09-09', inTuKy)
    expect(week).toBeGreaterThan(50)
    expect(week).toBeLessThan(65)
    const count = select(receivedBetween('2022-09-05', '2022-09-09'), inTuKy).length
    expect(count).toBeGreaterThan(350) // the letter counted 495
    expect(count).toBeLessThan(650)
  })

  it("the district's own one-stop shop is far ahead of its communes in July and August 2022", () => {
    const own = (row: DossierInput) => row.unitCode === TU_KY
    const communes = (row: DossierInput) => row.unitCode.startsWith(`${TU_KY}.`)
    expect(digitization('2022-07-01', '2022-07-31', own)).toBeGreaterThan(20)
    expect(digitization('2022-07-01', '2022-07-31', communes)).toBeLessThan(5)
    expect(digitization('2022-08-01', '2022-08-31', own)).toBeGreaterThan(85)
  })

  it('before July 2022 almost nothing is digitized, in 2023 almost everything', () => {
    expect(digitization('2022-01-01', '2022-06-30', inTuKy)).toBeLessThan(5)
    expect(digitization('2023-03-01', '2023-12-31', inTuKy)).toBeGreaterThan(93)
  })

  it('in the week 5–9/9/2022 every praised commune is ahead of every criticised one', () => {
    const praised = ['An Thanh', 'Quang Trung', 'Quang Khải', 'Dân Chủ', 'Phượng Kỳ', 'Quảng Nghiệp', 'Nguyên Giáp', 'Đại Hợp']
    const criticised = ['Hà Thanh', 'Tân Kỳ', 'Văn Tố', 'Tiên Động', 'Hưng Đạo', 'Ngọc Kỳ']
    const week = (name: string) => digitization('2022-09-05', '2022-09-09', ofCommune(name))
    const lowestPraised = Math.min(...praised.map(week))
    const highestCriticised = Math.max(...criticised.map(week))
    expect(lowestPraised).toBeGreaterThan(highestCriticised)
    expect(lowestPraised).toBeGreaterThan(75)
    expect(highestCriticised).toBeLessThan(40)
    expect(week('Hà Thanh')).toBe(0)
    expect(week('Tân Kỳ')).toBe(0)
  })

  it('results are digitized like dossiers, a little behind', () => {
    const result = (from: string, to: string) => rate(select(finishedBetween(from, to), inTuKy), (row) => row.resultDigitized)
    expect(result('2022-08-01', '2022-08-31')).toBeLessThan(digitization('2022-08-01', '2022-08-31', inTuKy))
    expect(result('2023-01-01', '2023-09-30')).toBeGreaterThan(90)
  })
})

describe('the demo tells the story of the Tứ Kỳ letters: online dossiers', () => {
  const online = (from: string, to: string, ...filters: ((row: DossierInput) => boolean)[]) =>
    rate(select(receivedBetween(from, to), onlineCapable, ...filters), (row) => row.channel === 'online')
  const tuKyCommunes = (row: DossierInput) => row.unitCode.startsWith(`${TU_KY}.`)

  it('communes are low in Q1/2022, above 50 % by the end of 2022 and ~99 % late in 2023', () => {
    const q1 = online('2022-01-01', '2022-03-31', tuKyCommunes)
    expect(q1).toBeGreaterThan(5)
    expect(q1).toBeLessThan(15)
    expect(online('2022-12-01', '2022-12-31', tuKyCommunes)).toBeGreaterThan(50)
    expect(online('2023-10-01', '2023-12-31', tuKyCommunes)).toBeGreaterThan(97)
  })

  it("the district's own one-stop shop is higher than its communes (78,31 % by 31/8/2022)", () => {
    const own = online('2022-01-01', '2022-08-31', (row) => row.unitCode === TU_KY)
    expect(own).toBeGreaterThan(70)
    expect(own).toBeGreaterThan(online('2022-01-01', '2022-08-31', tuKyCommunes))
  })
})

describe('the demo tells the story of the Tứ Kỳ letters: electronic certified copies', () => {
  const communesWithCopies = (from: string, to: string, filter: (row: DossierInput) => boolean) =>
    new Set(select(receivedBetween(from, to), filter, isCommune, (row) => row.ecertCopies > 0).map((row) => row.unitCode))

  it('up to July 2022 only Quảng Nghiệp and Đại Sơn issue them in Tứ Kỳ', () => {
    const early = communesWithCopies('2022-01-01', '2022-07-31', inTuKy)
    expect([...early].sort()).toEqual(EARLY_ECERT_COMMUNES.map(tuKyCommuneCode).sort())
  })

  it('more communes start from August 2022', () => {
    expect(communesWithCopies('2022-08-01', '2022-09-30', inTuKy).size).toBeGreaterThan(8)
  })

  it('by 9/9/2022, the end of the week seed 000 judges, every commune but those four has issued some (it names no other as "chưa thực hiện")', () => {
    const started = communesWithCopies('2022-01-01', '2022-09-09', inTuKy)
    const communes = dataset.units.filter((unit) => unit.kind === 'commune' && unit.parentCode === TU_KY).map((unit) => unit.code)
    expect(communes.filter((code) => !started.has(code)).sort()).toEqual(NO_ECERT_COMMUNES.map(tuKyCommuneCode).sort())
  })

  it('Hà Kỳ, Minh Đức, Quang Phục and Chí Minh issue none through 30/9/2022', () => {
    for (const name of NO_ECERT_COMMUNES) {
      const copies = select(receivedBetween('2022-01-01', '2022-09-30'), ofCommune(name)).reduce((sum, row) => sum + row.ecertCopies, 0)
      expect(copies, name).toBe(0)
    }
  })

  it('with two communes by July 2022 Tứ Kỳ ranks 10th of the 12 districts', () => {
    const districts = dataset.units.filter((unit) => unit.kind === 'district').map((unit) => unit.code)
    const count = (district: string) =>
      communesWithCopies('2022-01-01', '2022-07-31', (row) => row.unitCode.startsWith(`${district}.`)).size
    const counts = districts.map(count)
    const tuKy = count(TU_KY)
    expect(tuKy).toBe(2)
    expect(1 + counts.filter((value) => value > tuKy).length).toBe(10)
  })
})

describe('the demo tells the story of the Tứ Kỳ letters: online payment in 2023', () => {
  const payment = (filter: (row: DossierInput) => boolean) =>
    rate(select(receivedBetween('2023-01-01', '2023-09-30'), filter, (row) => row.feeVnd > 0), (row) => row.paidOnline)

  it('the six weak communes stay under the 30 % target for Jan–Sep 2023, the others are above it', () => {
    const communes = dataset.units.filter((unit) => unit.kind === 'commune' && unit.parentCode === TU_KY)
    const weak = new Set(WEAK_PAYMENT_COMMUNES.map(tuKyCommuneCode))
    for (const commune of communes) {
      const value = payment((row) => row.unitCode === commune.code)
      if (weak.has(commune.code)) expect(value, commune.name).toBeLessThan(30)
      else expect(value, commune.name).toBeGreaterThan(30)
    }
  })

  it('district-wide it is around half (the letters: 53,93 %), and rare in 2022', () => {
    const tuKy2023 = payment(inTuKy)
    expect(tuKy2023).toBeGreaterThan(40)
    expect(tuKy2023).toBeLessThan(65)
    const in2022 = rate(select(receivedBetween('2022-01-01', '2022-12-31'), inTuKy, (row) => row.feeVnd > 0), (row) => row.paidOnline)
    expect(in2022).toBeLessThan(15)
  })
})

describe('the demo tells the story of the Tứ Kỳ letters: late dossiers', () => {
  const calendar = new WorkingCalendar()
  /** The due time the importer will compute: the product's own working-day calendar. */
  const dueOf = (row: DossierInput) => {
    const procedure = procedures.get(row.procedureCode)
    return computeDueAt(calendar, {
      receivedAt: row.receivedAt,
      processingDays: procedure?.processingDays ?? 0,
      ...(procedure?.cutoffTime ? { cutoff: procedure.cutoffTime } : {}),
    })
  }

  it('a few per cent of finished dossiers are finished after their due time, by the official calendar', () => {
    const finished = rows.filter((row) => row.status === 'finished' || row.status === 'returned')
    const late = finished.filter((row) => isLate(dueOf(row), row.finishedAt as Date))
    const share = late.length / finished.length
    expect(share).toBeGreaterThan(0.005)
    expect(share).toBeLessThan(0.06)
    // Late means clearly late, not a few minutes past 17:00.
    const barely = late.filter((row) => ((row.finishedAt as Date).getTime() - dueOf(row).getTime()) / HOUR < 12)
    expect(barely.map((row) => row.code)).toEqual([])
  })

  it('late dossiers appear in every year, fewer in 2023 than in 2022', () => {
    const lateShareOf = (year: string) => {
      const finished = rows.filter((row) => (row.status === 'finished' || row.status === 'returned') && receivedDate(row).startsWith(year))
      return finished.filter((row) => isLate(dueOf(row), row.finishedAt as Date)).length / finished.length
    }
    expect(lateShareOf('2022')).toBeGreaterThan(lateShareOf('2023'))
    expect(lateShareOf('2023')).toBeGreaterThan(0)
  })
})
