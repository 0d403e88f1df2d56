import fc from 'fast-check'
import type { Kysely, KyselyPlugin } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import type { Database } from '../../src/db/schema.js'
import type { DossierInput } from '../../src/domain/dossiers/dossier-input.js'
import { checkPeriod } from '../../src/domain/indicators/period.js'
import { GRANULARITIES, seriesBuckets, type Granularity } from '../../src/domain/indicators/series-buckets.js'
import { importDossierInputs } from '../../src/modules/dossiers/import/import-dossiers.js'
import { getIndicatorSeries, type SeriesPoint } from '../../src/modules/indicators/get-series.js'
import { indicatorsOfScope } from '../../src/modules/indicators/get-indicators.js'
import type { ScopeKind } from '../../src/modules/indicators/indicator-scope.js'
import { totalsForScopes } from '../../src/modules/indicators/rollup.repository.js'
import { loadSmallDistrict } from '../support/small-district.js'
import { randomDossier } from '../support/random-dossier.js'
import { createTestDatabase } from '../support/test-database.js'
import { getUnitByCode } from '../../src/modules/units/units.repository.js'

/*
 * A series is read in a constant number of queries (one statement calls the table's engine once
 * per bucket). It must equal, point by point, what one `totalsForScopes` query per bucket gives
 * for every granularity and scope.
 */

let handle: DatabaseHandle
// Tứ Kỳ and its two communes, plus a second district with a commune, so the province's subtree has depth.
const EXTRA_UNITS = ['H23.08,Huyện Thanh Hà,district,H23', 'H23.08.01,Xã Thanh An,commune,H23.08']
const UNIT_CODES = ['H23', 'H23.07', 'H23.07.01', 'H23.07.02', 'H23.08', 'H23.08.01'] as const
const PROCEDURES = [
  { code: '1.001193', feeVnd: 0 },
  { code: '2.000815', feeVnd: 2000 },
  { code: '1.001612', feeVnd: 100000 },
] as const
const DAY = 86_400_000
const HOUR = 3_600_000
const BASE = Date.parse('2022-11-28T00:00:00+07:00') // a Monday; the dossiers span ~14 months across 2023
const SPAN_DAYS = 430

const dossierArb = (code: string) => randomDossier({ unitCodes: UNIT_CODES, procedures: PROCEDURES, base: BASE, spanDays: SPAN_DAYS, dueWithinDays: 40, finishWithinDays: 90 }, code)

const dossiersArb = (prefix: string, max: number) =>
  fc.integer({ min: 1, max }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => dossierArb(`${prefix}-${i}`))))

async function importAll(dossiers: readonly DossierInput[], source: string) {
  const summary = await importDossierInputs(handle, dossiers, source)
  expect(summary.inserted, `${source}: every generated dossier is valid`).toBe(dossiers.length)
}

interface SeriesQuery {
  unit: string
  scope: ScopeKind
  granularity: Granularity
  from: string
  to: string
}

/** The reference: one rollup query per bucket. */
async function seriesBucketByBucket(db: Kysely<Database>, q: SeriesQuery): Promise<SeriesPoint[]> {
  const unit = await getUnitByCode(db, q.unit)
  const points: SeriesPoint[] = []
  for (const bucket of seriesBuckets(checkPeriod(q.from, q.to), q.granularity)) {
    const scoped = (await totalsForScopes(db, [{ key: 'u', unitId: unit.id, scope: q.scope }], bucket)).get('u')!
    points.push({ ...bucket, indicators: indicatorsOfScope(q.scope, scoped) })
  }
  return points
}

async function expectSameAsBucketByBucket(q: SeriesQuery): Promise<SeriesPoint[]> {
  const series = await getIndicatorSeries(handle.db, { unitCode: q.unit, from: q.from, to: q.to, granularity: q.granularity, scope: q.scope })
  const reference = await seriesBucketByBucket(handle.db, q)
  expect(series.points, `${q.unit} ${q.scope} ${q.granularity} ${q.from}…${q.to}`).toEqual(reference)
  return series.points
}

/** Counts the statements a function sends to the database. */
async function countQueries(run: (db: Kysely<Database>) => Promise<unknown>): Promise<number> {
  let count = 0
  const counter: KyselyPlugin = {
    transformQuery: ({ node }) => {
      count++
      return node
    },
    transformResult: async ({ result }) => result,
  }
  await run(handle.db.withPlugin(counter))
  return count
}

const dateOf = (day: number) => new Date(BASE + day * DAY + 7 * HOUR).toISOString().slice(0, 10)

beforeAll(async () => {
  handle = await createTestDatabase()
  await loadSmallDistrict(handle, [], EXTRA_UNITS)
  const [seeded] = fc.sample(fc.tuple(...Array.from({ length: 400 }, (_, i) => dossierArb(`S-${i}`))), { seed: 766, numRuns: 1 })
  await importAll(seeded!, 'series-seed')
})
afterAll(async () => handle.close())

describe('a series equals its buckets computed one by one', () => {
  it.each([
    // [unit, scope, granularity, from, to]
    ['H23', 'subtree', 'week', '2023-01-01', '2023-12-31'], // 53 weeks, the first and last cut
    ['H23.07', 'subtree', 'month', '2022-11-15', '2024-01-20'], // cut months at both ends, across two year ends
    ['H23.07', 'own', 'month', '2022-12-01', '2023-11-30'],
    ['H23', 'subtree', 'quarter', '2022-12-10', '2023-11-15'], // quarters of whole months and loose days at either end
    ['H23.07', 'subtree', 'year', '2022-11-20', '2024-01-31'], // a year of loose days then whole months, and one of a whole month
    ['H23.08', 'subtree', 'year', '2022-01-01', '2024-12-31'], // years with no data before or after
    ['H23.07.01', 'subtree', 'week', '2023-02-20', '2023-03-05'], // weeks across the end of February
    ['H23.07.02', 'own', 'quarter', '2023-03-31', '2023-04-01'], // one day in each of two quarters
    ['H23.08.01', 'subtree', 'month', '2023-06-15', '2023-06-15'], // a single day
  ] as const)('%s %s by %s, %s – %s', async (unit, scope, granularity, from, to) => {
    await expectSameAsBucketByBucket({ unit, scope, granularity, from, to })
  })

  it('the fixture exercises the special rules: overdue_open carried across months, ecert_units of the communes', async () => {
    const points = await expectSameAsBucketByBucket({ unit: 'H23', scope: 'subtree', granularity: 'week', from: '2023-01-01', to: '2023-12-31' })
    expect(points.some((p) => p.indicators.overdue_open.value > 0)).toBe(true)
    expect(new Set(points.map((p) => p.indicators.ecert_units?.value)).size).toBeGreaterThan(1)
  })

  it('for any unit, scope, granularity and period, as more dossiers arrive', async () => {
    let run = 0
    const queryArb = fc.record({
      unit: fc.constantFrom(...UNIT_CODES),
      scope: fc.constantFrom<ScopeKind>('own', 'subtree'),
      granularity: fc.constantFrom(...GRANULARITIES),
      fromDay: fc.integer({ min: -40, max: SPAN_DAYS + 40 }),
      length: fc.integer({ min: 1, max: 500 }),
    })
    await fc.assert(
      fc.asyncProperty(dossiersArb('P', 30), fc.array(queryArb, { minLength: 1, maxLength: 4 }), async (dossiers, queries) => {
        run++
        await importAll(dossiers.map((d) => ({ ...d, code: `R${run}-${d.code}` })), `series-property-${run}`)
        for (const q of queries) {
          await expectSameAsBucketByBucket({ unit: q.unit, scope: q.scope, granularity: q.granularity, from: dateOf(q.fromDay), to: dateOf(q.fromDay + q.length - 1) })
        }
      }),
      { numRuns: 20 },
    )
  })
})

describe('the number of queries of a series', () => {
  it('does not grow with the number of points', async () => {
    const series = (granularity: Granularity, from: string, to: string) => (db: Kysely<Database>) =>
      getIndicatorSeries(db, { unitCode: 'H23', from, to, granularity, scope: 'subtree' })
    const oneWeek = await countQueries(series('week', '2023-01-02', '2023-01-08'))
    const yearByWeek = await countQueries(series('week', '2023-01-01', '2023-12-31'))
    const sevenYearsByWeek = await countQueries(series('week', '2020-01-01', '2026-12-31'))
    expect(yearByWeek).toBe(oneWeek)
    expect(sevenYearsByWeek).toBe(oneWeek)
    expect(oneWeek).toBe(3) // the unit, the sums of every bucket (one statement), whether any unit was ever split
  })
})
