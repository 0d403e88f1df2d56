import { describe, expect, it } from 'vitest'
import type { DossierInput } from '../../domain/dossiers/dossier-input.js'
import { checkDossierRules } from '../../domain/dossiers/dossier-rules.js'
import { isAppError } from '../../domain/shared/app-error.js'
import { buildDemoDataset } from './demo-dataset.js'
import { isWorkingDay, parseIsoDay } from './demo-time.js'

const HOUR = 3_600_000
/** The Vietnamese calendar date of an instant, `YYYY-MM-DD`. */
const vnDate = (instant: Date) => new Date(instant.getTime() + 7 * HOUR).toISOString().slice(0, 10)
/** Minutes after Vietnamese midnight. */
const vnMinutes = (instant: Date) => {
  const local = new Date(instant.getTime() + 7 * HOUR)
  return local.getUTCHours() * 60 + local.getUTCMinutes() + local.getUTCSeconds() / 60
}

const firstRows = (iterable: Iterable<DossierInput>, count: number): DossierInput[] => {
  const rows: DossierInput[] = []
  for (const row of iterable) {
    rows.push(row)
    if (rows.length === count) break
  }
  return rows
}

const dataset = buildDemoDataset()
const rows = [...dataset.dossiers()]
const units = new Map(dataset.units.map((unit) => [unit.code, unit]))
const procedures = new Map(dataset.procedures.map((procedure) => [procedure.code, procedure]))
const END_OF_2023 = new Date('2024-01-01T00:00:00+07:00')

describe('the demo dataset', () => {
  it('is the same for the same seed and different for another one', () => {
    const again = firstRows(buildDemoDataset().dossiers(), 100)
    expect(again).toEqual(rows.slice(0, 100))
    expect(firstRows(buildDemoDataset({ seed: 20220905 }).dossiers(), 100)).toEqual(again)
    const other = firstRows(buildDemoDataset({ seed: 7 }).dossiers(), 100)
    expect(other.map((r) => r.code)).not.toEqual(again.map((r) => r.code))
  })

  it('can be iterated twice with the same result', () => {
    expect(firstRows(dataset.dossiers(), 50)).toEqual(rows.slice(0, 50))
  })

  // How fast it is generated is measured in bench/, not asserted here: tests check behaviour.
  it('holds 60 to 120 thousand dossiers for the two default years', () => {
    expect(rows.length).toBeGreaterThan(60_000)
    expect(rows.length).toBeLessThan(120_000)
  })

  it('is ordered by receipt time and every dossier code is unique', () => {
    const problems: string[] = []
    const codes = new Set<string>()
    rows.forEach((row, i) => {
      const previous = rows[i - 1]
      if (previous && row.receivedAt.getTime() < previous.receivedAt.getTime()) problems.push(`${row.code} comes before ${previous.code}`)
      codes.add(row.code)
    })
    expect(problems.slice(0, 5)).toEqual([])
    expect(codes.size).toBe(rows.length)
  })

  it('codes read unit, date and number: H23.07.01-220905-0001', () => {
    const problems = rows.filter((row) => {
      const match = /^(H23\.\d{2}(?:\.\d{2})?)-(\d{2})(\d{2})(\d{2})-\d{4}$/.exec(row.code)
      return !match || match[1] !== row.unitCode || `20${match[2]}-${match[3]}-${match[4]}` !== vnDate(row.receivedAt)
    })
    expect(problems.slice(0, 5).map((row) => row.code)).toEqual([])
  })

  it('dossiers are received by communes and district one-stop shops, each for its own level', () => {
    const problems = rows.filter((row) => {
      const kind = units.get(row.unitCode)?.kind
      const level = procedures.get(row.procedureCode)?.level
      if (kind === 'commune') return level !== 'commune'
      return kind !== 'district' || level === undefined || level === 'commune'
    })
    expect(problems.slice(0, 5).map((row) => `${row.code} ${row.procedureCode}`)).toEqual([])
  })

  it('dossiers come in on working days in office hours, a few on Saturday mornings, never in the Tết weeks', () => {
    let saturdays = 0
    const problems: string[] = []
    for (const row of rows) {
      const date = vnDate(row.receivedAt)
      const minutes = vnMinutes(row.receivedAt)
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay()
      if (date < '2022-01-01' || date > '2023-12-31') problems.push(`${row.code} outside the range`)
      if ((date >= '2022-01-31' && date <= '2022-02-04') || (date >= '2023-01-20' && date <= '2023-01-26')) problems.push(`${row.code} in Tết`)
      if (minutes < 7 * 60 + 30 || minutes >= 17 * 60) problems.push(`${row.code} outside office hours`)
      if (weekday === 6) {
        saturdays++
        if (minutes >= 11 * 60 + 30) problems.push(`${row.code} on a Saturday afternoon`)
      } else if (!isWorkingDay(parseIsoDay(date))) problems.push(`${row.code} on a day off`)
    }
    expect(problems.slice(0, 5)).toEqual([])
    expect(saturdays).toBeGreaterThan(0)
    expect(saturdays / rows.length).toBeLessThan(0.02)
  })

  it('every row meets the import rules of INTERCHANGE.md', () => {
    const problems: string[] = []
    const check = (row: DossierInput, ok: boolean, rule: string) => {
      if (!ok) problems.push(`${row.code}: ${rule}`)
    }
    for (const row of rows) {
      const procedure = procedures.get(row.procedureCode)
      check(row, row.dueAt === null, 'due_at is left to the importer')
      check(row, !row.finishedAt || row.finishedAt.getTime() >= row.receivedAt.getTime(), 'finished_at ≥ received_at')
      check(row, !row.returnedAt || (row.finishedAt !== null && row.returnedAt.getTime() >= row.finishedAt.getTime()), 'returned_at ≥ finished_at')
      check(row, Number.isInteger(row.componentsTotal) && row.componentsTotal > 0, 'components_total is a positive integer')
      check(row, Number.isInteger(row.componentsDigitized) && row.componentsDigitized >= 0, 'components_digitized is a natural number')
      check(row, row.componentsDigitized <= row.componentsTotal, 'components_digitized ≤ components_total')
      check(row, row.feeVnd >= 0, 'fee ≥ 0')
      check(row, !row.paidOnline || row.feeVnd > 0, 'paid_online only with a fee')
      check(row, row.channel !== 'online' || procedure?.onlineLevel !== 'none', 'online only for online procedures')
      check(row, Number.isInteger(row.ecertCopies) && row.ecertCopies >= 0, 'ecert_copies is a natural number')
    }
    expect(problems.slice(0, 10)).toEqual([])
    expect(rows.flatMap((row) => checkDossierRules(row).map((broken) => `${row.code}: ${broken.reason}`)).slice(0, 10)).toEqual([])
  })

  it('statuses agree with the dates', () => {
    const problems: string[] = []
    const check = (row: DossierInput, ok: boolean, rule: string) => {
      if (!ok) problems.push(`${row.code} (${row.status}): ${rule}`)
    }
    for (const row of rows) {
      const completed = row.status === 'finished' || row.status === 'returned'
      const ended = completed || row.status === 'rejected' || row.status === 'withdrawn'
      check(row, ended === (row.finishedAt !== null), 'finished_at set exactly when the dossier has ended')
      check(row, (row.status === 'returned') === (row.returnedAt !== null), 'returned_at set exactly when returned')
      if (!completed) {
        check(row, !row.resultDigitized, 'no digitized result without a result')
        check(row, row.rating === null, 'no rating without a result')
        check(row, row.ecertCopies === 0, 'no e-copies without a result')
      }
      check(row, row.ecertCopies === 0 || row.procedureCode === '2.000815', 'e-copies only when certifying copies')
      for (const instant of [row.finishedAt, row.returnedAt]) {
        check(row, !instant || instant.getTime() < END_OF_2023.getTime(), 'nothing happens after the end of the range')
      }
    }
    expect(problems.slice(0, 10)).toEqual([])
  })

  it('dossiers received long before the end are over; the open ones are recent', () => {
    const open = rows.filter((row) => !row.finishedAt)
    expect(open.length).toBeGreaterThan(0)
    for (const row of open) expect(vnDate(row.receivedAt) >= '2023-10-01').toBe(true)
    const supplements = open.filter((row) => row.status === 'supplement')
    expect(supplements.length).toBeGreaterThan(0)
    for (const row of supplements) expect(vnDate(row.receivedAt) >= '2023-12-01').toBe(true)
    expect(open.filter((row) => row.status === 'processing').length).toBeGreaterThan(0)
  })

  it('a few dossiers are rejected or withdrawn', () => {
    const rejected = rows.filter((row) => row.status === 'rejected').length / rows.length
    const withdrawn = rows.filter((row) => row.status === 'withdrawn').length / rows.length
    expect(rejected).toBeGreaterThan(0.002)
    expect(rejected).toBeLessThan(0.03)
    expect(withdrawn).toBeGreaterThan(0.001)
    expect(withdrawn).toBeLessThan(0.02)
  })

  it('part of the finished dossiers carry a rating, mostly satisfied', () => {
    const finished = rows.filter((row) => row.status === 'finished' || row.status === 'returned')
    const rated = finished.filter((row) => row.rating !== null)
    expect(rated.length / finished.length).toBeGreaterThan(0.1)
    expect(rated.length / finished.length).toBeLessThan(0.5)
    const satisfied = rated.filter((row) => row.rating !== 'dissatisfied').length
    expect(satisfied / rated.length).toBeGreaterThan(0.9)
  })

  it('a shorter range gives the same dossiers for its days, with statuses taken at its end', () => {
    const september = [...buildDemoDataset({ from: '2022-09-01', to: '2022-09-30' }).dossiers()]
    const fromFull = rows.filter((row) => vnDate(row.receivedAt) >= '2022-09-01' && vnDate(row.receivedAt) <= '2022-09-30')
    expect(september.map((row) => row.code)).toEqual(fromFull.map((row) => row.code))
    const end = new Date('2022-10-01T00:00:00+07:00').getTime()
    for (const row of september) {
      if (row.finishedAt) expect(row.finishedAt.getTime()).toBeLessThan(end)
      if (row.returnedAt) expect(row.returnedAt.getTime()).toBeLessThan(end)
    }
    expect(september.some((row) => row.finishedAt === null)).toBe(true)
  })

  it('scale multiplies the volume', () => {
    const range = { from: '2022-09-05', to: '2022-09-30' }
    const normal = [...buildDemoDataset(range).dossiers()].length
    const double = [...buildDemoDataset({ ...range, scale: 2 }).dossiers()].length
    expect(double / normal).toBeGreaterThan(1.8)
    expect(double / normal).toBeLessThan(2.2)
  })

  it('refuses options it cannot honour, with a Vietnamese reason', () => {
    for (const options of [{ from: '2022-13-01' }, { to: '31/12/2023' }, { from: '2023-01-01', to: '2022-01-01' }, { scale: 0 }, { seed: 1.5 }]) {
      try {
        buildDemoDataset(options)
        expect.unreachable()
      } catch (error) {
        expect(isAppError(error) && error.code).toBe('validation')
        expect(isAppError(error) && error.userMessage.length).toBeGreaterThan(0)
      }
    }
  })
})
