import fc from 'fast-check'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import type { DossierInput } from '../../src/domain/dossiers/dossier-input.js'
import { GRANULARITIES, type Granularity } from '../../src/domain/indicators/series-buckets.js'
import { addDays } from '../../src/domain/time/local-date.js'
import { importDossierInputs } from '../../src/modules/dossiers/import/import-dossiers.js'
import { getIndicators } from '../../src/modules/indicators/get-indicators.js'
import { getIndicatorSeries } from '../../src/modules/indicators/get-series.js'
import type { ScopeKind } from '../../src/modules/indicators/indicator-scope.js'
import type { Attribution } from '../../src/modules/indicators/rollup.repository.js'
import { reorganiseUnits } from '../../src/modules/units/reorganise/reorganise-units.js'
import { tempDir } from '../support/files.js'
import { randomDossier } from '../support/random-dossier.js'
import { SMALL_PROVINCE_PROCEDURES, SMALL_PROVINCE_UNITS, saveSmallProvince } from '../support/small-province.js'
import { createTestDatabase } from '../support/test-database.js'

/*
 * One definition of a scope's sums: every point of a trend series equals the dashboard's table
 * for the same unit, scope, days and attribution — by the receiving unit, by the deciding unit
 * ("Theo đơn vị giải quyết"), and for the successors of a split unit whose dossiers the
 * reorganisation named one by one (dossier_heirs).
 */

let handle: DatabaseHandle
const DAY = 86_400_000
const BASE = Date.parse('2022-08-29T00:00:00+07:00') // a Monday
const SPAN_DAYS = 120
/** C2 of Huyện Một is split on this day: KEEPER (under Huyện Một) keeps its history, OTHER (under Huyện Hai) the dossiers named for it. */
const SPLIT_DAY = '2023-01-02'
const KEEPER = 'C2A'
const OTHER = 'C2B'
/** The units that exist on every day of the data, which new dossiers may go to. */
const LASTING = SMALL_PROVINCE_UNITS.filter((code) => code !== 'C2')

const space = (unitCodes: readonly string[]) => ({ unitCodes, procedures: SMALL_PROVINCE_PROCEDURES, base: BASE, spanDays: SPAN_DAYS, dueWithinDays: 20, finishWithinDays: 40 })

/** A random dossier, decided by its receiving unit or by another one (the two-level government's rollups by decider). */
const dossierArb = (unitCodes: readonly string[], code: string) =>
  fc.tuple(randomDossier(space(unitCodes), code), fc.option(fc.constantFrom(...SMALL_PROVINCE_UNITS.filter((c) => c !== 'C2')), { nil: null })).map(
    ([dossier, decider]): DossierInput => (decider === null ? dossier : { ...dossier, decidingUnitCode: decider }),
  )

async function importAll(dossiers: readonly DossierInput[], source: string) {
  const summary = await importDossierInputs(handle, dossiers, source)
  expect(summary.inserted, `${source}: every generated dossier is valid`).toBe(dossiers.length)
}

/** C2 split in two: a third of its dossiers named for OTHER, in another district. */
async function splitC2() {
  const dossiers = await handle.db
    .selectFrom('dossiers as d')
    .innerJoin('units as u', 'u.id', 'd.receiving_unit_id')
    .where('u.code', '=', 'C2')
    .select('d.code')
    .orderBy('d.code')
    .execute()
  const named = Object.fromEntries(dossiers.filter((_, i) => i % 3 === 0).map((d) => [d.code, OTHER]))
  expect(Object.keys(named).length, 'the fixture names some of C2’s dossiers for OTHER').toBeGreaterThan(3)
  const file = join(tempDir(), 'split.json')
  writeFileSync(file, JSON.stringify({
    date: SPLIT_DAY,
    units: [
      { code: KEEPER, name: 'Xã Hai A', kind: 'commune', parent_code: 'D1', from: ['C2'] },
      { code: OTHER, name: 'Xã Hai B', kind: 'commune', parent_code: 'D2', from: ['C2'] },
    ],
    dossiers: named,
  }))
  await reorganiseUnits(handle, file, { dryRun: false, accounts: 'move', actor: 'series-as-table' })
}

interface SeriesQuestion {
  unit: string
  scope: ScopeKind
  by: Attribution
  granularity: Granularity
  from: string
  to: string
}

/** Every point of the series, beside the table asked for that point's days alone. */
async function expectSeriesEqualsTable(q: SeriesQuestion): Promise<void> {
  const series = await getIndicatorSeries(handle.db, { unitCode: q.unit, from: q.from, to: q.to, granularity: q.granularity, scope: q.scope, attribution: q.by })
  expect(series.points.length).toBeGreaterThan(0)
  for (const point of series.points) {
    const table = await getIndicators(handle.db, { unitCode: q.unit, from: point.from, to: point.to, children: q.scope === 'own', attribution: q.by })
    const row = table.rows.find((r) => r.unit_code === q.unit && r.scope === q.scope)!
    expect(point.indicators, `${q.unit} ${q.scope} by ${q.by}, ${q.granularity} ${point.from}…${point.to}`).toEqual(row.indicators)
  }
}

const dateOf = (day: number) => new Date(BASE + day * DAY + 7 * 3_600_000).toISOString().slice(0, 10)

beforeAll(async () => {
  handle = await createTestDatabase()
  await saveSmallProvince(handle)
  const [seeded] = fc.sample(fc.tuple(...Array.from({ length: 300 }, (_, i) => dossierArb(SMALL_PROVINCE_UNITS, `S-${i}`))), { seed: 13, numRuns: 1 })
  await importAll(seeded!, 'series-as-table-seed')
  await splitC2()
})
afterAll(async () => handle.close())

describe('a series point equals the table for its days', () => {
  const period = { from: '2022-09-10', to: addDays(SPLIT_DAY, 20) } // cut first and last buckets, across the split
  it.each([
    ['D1', 'subtree', 'receiver'],
    ['D1', 'subtree', 'decider'],
    ['D1', 'own', 'decider'],
    ['P', 'subtree', 'decider'],
    ['C1', 'subtree', 'decider'],
  ] as const)('%s %s by the %s unit', async (unit, scope, by) => {
    for (const granularity of ['month', 'quarter'] as const) await expectSeriesEqualsTable({ unit, scope, by, granularity, ...period })
  })

  it.each([
    [KEEPER, 'subtree', 'receiver'],
    [OTHER, 'subtree', 'receiver'],
    [OTHER, 'own', 'decider'],
    ['D2', 'subtree', 'receiver'],
    ['D2', 'subtree', 'decider'],
  ] as const)('the split unit’s dossiers named to a successor: %s %s by the %s unit', async (unit, scope, by) => {
    await expectSeriesEqualsTable({ unit, scope, by, granularity: 'month', ...period })
  })

  it('the last week of a district’s series is the table of that week', async () => {
    await expectSeriesEqualsTable({ unit: 'D2', scope: 'subtree', by: 'decider', granularity: 'week', from: '2022-11-21', to: '2022-12-04' })
  })

  it('for any unit, scope, attribution, granularity and period, as more dossiers arrive', async () => {
    let run = 0
    const questionArb = fc.record({
      unit: fc.constantFrom(...LASTING, KEEPER, OTHER),
      scope: fc.constantFrom<ScopeKind>('own', 'subtree'),
      by: fc.constantFrom<Attribution>('receiver', 'decider'),
      granularity: fc.constantFrom(...GRANULARITIES.filter((g) => g !== 'week')),
      fromDay: fc.integer({ min: -10, max: SPAN_DAYS + 20 }),
      length: fc.integer({ min: 1, max: 150 }),
    })
    const newDossiersArb = fc.integer({ min: 1, max: 20 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => dossierArb(LASTING, `N-${i}`))))
    await fc.assert(
      fc.asyncProperty(newDossiersArb, questionArb, async (dossiers, q) => {
        run++
        await importAll(dossiers.map((d) => ({ ...d, code: `R${run}-${d.code}` })), `series-as-table-${run}`)
        await expectSeriesEqualsTable({ unit: q.unit, scope: q.scope, by: q.by, granularity: q.granularity, from: dateOf(q.fromDay), to: dateOf(q.fromDay + q.length - 1) })
      }),
      { numRuns: 12 },
    )
  })
})
