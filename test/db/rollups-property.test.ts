import fc from 'fast-check'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { importDossierInputs } from '../../src/modules/dossiers/import/import-dossiers.js'
import type { RollupTotals } from '../../src/domain/indicators/rollup-totals.js'
import type { IndicatorScope } from '../../src/modules/indicators/indicator-scope.js'
import { computeIndicators, isRate } from '../../src/domain/indicators/compute-indicators.js'
import { checkPeriod } from '../../src/domain/indicators/period.js'
import { dossiersBehindFigure } from '../../src/modules/indicators/dossiers-behind.js'
import { FIGURE_PARTS } from '../../src/modules/indicators/dossier-figures.js'
import { rawTotalsForScope } from '../../src/modules/indicators/raw-scan.js'
import { totalsForScopes } from '../../src/modules/indicators/rollup.repository.js'
import { randomDossier } from '../support/random-dossier.js'
import { tempDir } from '../support/files.js'
import { addDays } from '../../src/domain/time/local-date.js'
import { reorganiseUnits } from '../../src/modules/units/reorganise/reorganise-units.js'
import { createTestDatabase } from '../support/test-database.js'
import type { UnitKind } from '../../src/domain/units/unit-kind.js'
import { saveUnits } from '../../src/modules/units/save-units.js'
import { SMALL_PROVINCE_PROCEDURES, SMALL_PROVINCE_UNITS, saveSmallProvince } from '../support/small-province.js'

/*
 * The rollups are kept by triggers on every change to dossiers. Whatever happens — new
 * dossiers, re-imports that change them, the same file again, a commune moved to another
 * district, units merged into new ones (again and again: history rolls into the successors
 * transitively), a unit split between two with its dossiers shared by name and by address — a
 * query on the rollups must equal a raw scan of the dossier table, exactly.
 * The raw scan finds a scope's units from the units' parent and successor links themselves.
 * The per-ancestor rollups a subtree reads (migration 029) are also held, row by row, to the
 * unit rollups summed over those links.
 */

let handle: DatabaseHandle
const UNIT_CODES = SMALL_PROVINCE_UNITS
const PROCEDURES = SMALL_PROVINCE_PROCEDURES
const DAY = 86_400_000
const BASE = Date.parse('2022-08-29T00:00:00+07:00') // Monday

beforeAll(async () => {
  handle = await createTestDatabase()
  await saveSmallProvince(handle)
})
afterAll(async () => handle.close())

const dossierArb = (code: string) => randomDossier({ unitCodes: UNIT_CODES, procedures: PROCEDURES, base: BASE, spanDays: 40, dueWithinDays: 10, finishWithinDays: 20 }, code)

/** The units existing now (merged ones leave, new ones come), and every unit ever made. */
const live = new Set<string>(UNIT_CODES.filter((c) => c !== 'P'))
const allUnits: string[] = [...UNIT_CODES]
const reorganisationDir = tempDir()

const queryArb = fc.record({
  unit: fc.constantFrom(...UNIT_CODES),
  own: fc.boolean(),
  fromDay: fc.integer({ min: -3, max: 45 }),
  length: fc.integer({ min: 1, max: 75 }), // long enough to hold whole months (read from rollup_monthly)
})

/** One or two units existing now merged into a new one under another existing unit (or the province), on a later day each run. */
async function mergeTwo(pick: readonly number[]) {
  const candidates = [...live].sort()
  const first = candidates[pick[0]! % candidates.length]!
  const rest = candidates.filter((c) => c !== first)
  // Sometimes one unit alone becomes a new one, so the chains of successors grow run after run.
  const second = rest.length > 0 && pick[1]! % 3 !== 0 ? rest[pick[1]! % rest.length]! : null
  const parents = ['P', ...rest.filter((c) => c !== second)]
  const parent = parents[pick[2]! % parents.length]!
  const code = `N${run}`
  const date = addDays('2023-01-01', run * 3)
  const file = join(reorganisationDir, `${code}.json`)
  writeFileSync(file, JSON.stringify({ date, units: [{ code, name: `Xã mới ${run}`, kind: 'commune', parent_code: parent, from: second === null ? [first] : [first, second] }] }))
  await reorganiseUnits(handle, file, { dryRun: false, accounts: 'move', actor: 'property' })
  live.delete(first)
  if (second !== null) live.delete(second)
  live.add(code)
  allUnits.push(code)
}

/**
 * A unit existing now split between two new ones: its history goes to the first, except the
 * dossiers the file names for the second and those whose applicant lives in the second's area.
 */
async function splitOne(pick: readonly number[]): Promise<[string, string, string]> {
  const candidates = [...live].sort()
  const old = candidates[pick[0]! % candidates.length]!
  const [keeper, other] = [`S${run}A`, `S${run}B`]
  const dossiers = await handle.db
    .selectFrom('dossiers as d')
    .innerJoin('units as u', (join) => join.on('u.code', '=', old))
    .where((eb) => eb.or([eb('d.receiving_unit_id', '=', eb.ref('u.id')), eb('d.deciding_unit_id', '=', eb.ref('u.id'))]))
    .select(['d.id', 'd.code'])
    .orderBy('d.code')
    .execute()
  const named = Object.fromEntries(dossiers.filter((_, i) => (i + pick[1]!) % 3 === 0).map((d) => [d.code, other]))
  const inArea = dossiers.filter((_, i) => (i + pick[2]!) % 4 === 1).map((d) => d.id)
  if (inArea.length > 0) await handle.db.updateTable('dossiers').set({ applicant_address: `số 1, Thôn Mới ${run}, ${old}` }).where('id', 'in', inArea).execute()
  const file = join(reorganisationDir, `split-${run}.json`)
  writeFileSync(file, JSON.stringify({
    date: addDays('2023-01-01', run * 3 + 1),
    units: [
      { code: keeper, name: `Xã giữ ${run}`, kind: 'commune', parent_code: 'P', from: [old] },
      { code: other, name: `Xã tách ${run}`, kind: 'commune', parent_code: 'P', from: [old], areas: [`Thôn Mới ${run}`] },
    ],
    dossiers: named,
  }))
  const outcome = await reorganiseUnits(handle, file, { dryRun: false, accounts: 'move', actor: 'property' })
  // Every dossier of the old unit goes to one of the two, as the dry run would print.
  expect(outcome.splitShares).toEqual([{ code: old, to: [{ code: keeper, dossiers: expect.any(Number) }, { code: other, dossiers: expect.any(Number) }] }])
  expect(outcome.splitShares[0]!.to.reduce((sum, t) => sum + t.dossiers, 0)).toBe(dossiers.length)
  expect(outcome.splitShares[0]!.to[1]!.dossiers).toBeGreaterThanOrEqual(Object.keys(named).length)
  live.delete(old)
  live.add(keeper).add(other)
  allUnits.push(keeper, other)
  return [old, keeper, other]
}

async function expectRollupsMatchRawScan(queries: readonly { unit: string; own: boolean; fromDay: number; length: number }[]) {
  const units = new Map((await handle.db.selectFrom('units').select(['id', 'code']).execute()).map((u) => [u.code, u.id]))
  for (const q of queries) {
    const from = new Date(BASE + q.fromDay * DAY + 7 * 3_600_000).toISOString().slice(0, 10)
    const to = new Date(BASE + (q.fromDay + q.length - 1) * DAY + 7 * 3_600_000).toISOString().slice(0, 10)
    const scope: IndicatorScope = { key: 'q', unitId: units.get(q.unit)!, scope: q.own ? 'own' : 'subtree' }
    const fromRollups = (await totalsForScopes(handle.db, [scope], { from, to })).get('q')!
    const fromScan = await rawTotalsForScope(handle.db, scope, { from, to })
    expect(fromRollups, `${q.unit} ${scope.scope} ${from}…${to}`).toEqual(fromScan)
    // Processing and lateness by the deciding unit: its own rollups, the same scan by the decider
    // (the first two queries of each step: enough to hold them together, at half the cost).
    if (q === queries[0] || q === queries[1]) {
      const byDecider = (await totalsForScopes(handle.db, [scope], { from, to }, { attribution: 'decider' })).get('q')!
      expect(byDecider, `${q.unit} ${scope.scope} ${from}…${to} by the decider`).toEqual(await rawTotalsForScope(handle.db, scope, { from, to }, { attribution: 'decider' }))
      if (q === queries[0]) await expectDrillDownMatches(scope, checkPeriod(from, to), byDecider.totals, 'decider')
    }
    // "Ever e-certified" counted from a start date (here ten days before the period) reads its own range.
    const since = new Date(BASE + (q.fromDay - 10) * DAY + 7 * 3_600_000).toISOString().slice(0, 10)
    const sinceRollups = (await totalsForScopes(handle.db, [scope], { from, to }, { ecertSince: since })).get('q')!
    const sinceScan = await rawTotalsForScope(handle.db, scope, { from, to }, { ecertSince: since })
    expect(sinceRollups.ecertUnitsToDate, `${q.unit} ${scope.scope} since ${since} to ${to}`).toBe(sinceScan.ecertUnitsToDate)
    // Periods across a new year, the year's first and last days included (the e-copy rows are kept per year).
    if (q === queries[0]) {
      const year = Number(from.slice(0, 4))
      for (const across of [{ from: `${year - 1}-12-31`, to }, { from: `${year}-01-01`, to: `${year + 1}-01-01` }]) {
        expect((await totalsForScopes(handle.db, [scope], across)).get('q'), `${q.unit} ${scope.scope} ${across.from}…${across.to}`).toEqual(await rawTotalsForScope(handle.db, scope, across))
      }
    }
    // The drill-down lists exactly the dossiers the figures count (the first query is enough
    // to hold the definitions together; every query would cost thousands of requests).
    if (q === queries[0]) await expectDrillDownMatches(scope, checkPeriod(from, to), fromRollups.totals, 'receiver')
  }
}

/**
 * Every per-ancestor rollup row (migration 029) equals the sum of the unit rollups of the units
 * its subtree counts — found here from the units' parent and successor links themselves — on
 * every day and month, not only those the queries read. Rows of zeros are left out on both sides.
 * So are the units with e-certified copies each ancestor keeps (migration 024).
 */
async function expectSubtreeRollupsExact() {
  const tables = [
    { unit: 'rollup_daily', subtree: 'rollup_subtree_daily', key: 'day', metric: 'received + online + ecert_copies + finished * 7 + late * 11 + satisfied * 13 + overdue_enter * 17 - overdue_exit * 19' },
    { unit: 'rollup_monthly', subtree: 'rollup_subtree_monthly', key: 'month', metric: 'received + fully_digitized + paid_online * 3 + on_time * 7 + rated * 11 + overdue_enter * 17 - overdue_exit * 19' },
    { unit: 'rollup_decided_daily', subtree: 'rollup_decided_subtree_daily', key: 'day', metric: 'finished + result_digitized * 3 + late * 7 + overdue_enter * 17 - overdue_exit * 19' },
    { unit: 'rollup_decided_monthly', subtree: 'rollup_decided_subtree_monthly', key: 'month', metric: 'finished + on_time * 5 + satisfied * 7 + overdue_enter * 17 - overdue_exit * 19' },
  ] as const
  for (const t of tables) {
    const { rows } = await sql<{ unit_id: number; at: string; expected: number | null; kept: number | null }>`
      with recursive tree (ancestor_id, unit_id) as (
        select id, id from units
        union select t.ancestor_id, u.id from units u join tree t on u.parent_id = t.unit_id
      ),
      counted (ancestor_id, unit_id) as (
        select ancestor_id, unit_id from tree
        union select c.ancestor_id, u.id from units u join counted c on u.successor_id = c.unit_id
      ),
      expected as (
        select c.ancestor_id as unit_id, r.${sql.ref(t.key)} as at, sum(${sql.raw(t.metric)})::int as value
        from counted c join ${sql.table(t.unit)} r on r.unit_id = c.unit_id group by 1, 2
      ),
      kept as (select unit_id, ${sql.ref(t.key)} as at, (${sql.raw(t.metric)})::int as value from ${sql.table(t.subtree)})
      select coalesce(e.unit_id, k.unit_id) as unit_id, coalesce(e.at, k.at)::text as at, e.value as expected, k.value as kept
      from expected e full join kept k on k.unit_id = e.unit_id and k.at = e.at
      where coalesce(e.value, 0) <> coalesce(k.value, 0)
      limit 5`.execute(handle.db)
    expect(rows, t.subtree).toEqual([])
  }
  // The units with e-certified copies per ancestor (migration 024): exactly the pairs above
  // whose unit rollup row of the day has copies, on every day (the yearly bitmaps unfolded), and
  // no row without a day.
  const { rows } = await sql<{ ancestor_id: number; at: string; unit_id: number }>`
    with recursive tree (ancestor_id, unit_id) as (
      select id, id from units
      union select t.ancestor_id, u.id from units u join tree t on u.parent_id = t.unit_id
    ),
    counted (ancestor_id, unit_id) as (
      select ancestor_id, unit_id from tree
      union select c.ancestor_id, u.id from units u join counted c on u.successor_id = c.unit_id
    ),
    expected as (
      select c.ancestor_id, r.day as at, r.unit_id
      from counted c join rollup_daily r on r.unit_id = c.unit_id where r.ecert_copies > 0
    ),
    kept as (
      select e.ancestor_id, make_date(e.year, 1, 1) + i as at, e.unit_id
      from ecert_subtree_years e cross join generate_series(0, 365) i where substring(e.days from i + 1 for 1) = B'1'
    ),
    differ as ((select * from expected except all select * from kept) union all (select * from kept except all select * from expected))
    select ancestor_id, at::text as at, unit_id from differ
    union all select ancestor_id, year::text, unit_id from ecert_subtree_years where position(B'1' in days) = 0
    limit 5`.execute(handle.db)
  expect(rows, 'ecert_subtree_years').toEqual([])
}

/** Every unit's subtree and own dossiers in one call (a table with its children), each as its raw scan. */
async function expectOneCallMatchesRawScans(codes: readonly string[], period: { from: string; to: string }) {
  const units = await handle.db.selectFrom('units').select(['id', 'code']).where('code', 'in', codes).orderBy('id').execute()
  const scopes: IndicatorScope[] = units.flatMap((u) => [
    { key: `${u.code} subtree`, unitId: u.id, scope: 'subtree' as const },
    { key: `${u.code} own`, unitId: u.id, scope: 'own' as const },
  ])
  const together = await totalsForScopes(handle.db, scopes, period)
  for (const scope of scopes) expect(together.get(scope.key), `${scope.key} ${period.from}…${period.to}`).toEqual(await rawTotalsForScope(handle.db, scope, period))
}

/** A unit (not the province) moved under another unit outside its own subtree: whole branches change ancestors. */
async function moveUnit(pick: readonly number[]) {
  const units = await handle.db.selectFrom('units as u').leftJoin('units as p', 'p.id', 'u.parent_id').leftJoin('units as s', 's.id', 'u.successor_id')
    .select(['u.id', 'u.code', 'u.kind', 'u.name', 'u.valid_from', 'u.valid_to', 'p.code as parent', 's.code as successor']).where('u.code', '<>', 'P').orderBy('u.code').execute()
  const unit = units[pick[0]! % units.length]!
  const below = new Set((await handle.db.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', unit.id).execute()).map((r) => r.descendant_id))
  const parents = ['P', ...units.filter((u) => !below.has(u.id)).map((u) => u.code)]
  const parent = parents[pick[1]! % parents.length]!
  await handle.db.transaction().execute((trx) =>
    saveUnits(trx, [{ line: 2, unit: { code: unit.code, name: unit.name, kind: unit.kind as UnitKind, parentCode: parent, validFrom: unit.valid_from, validTo: unit.valid_to, successorCode: unit.successor } }]),
  )
}

async function expectDrillDownMatches(scope: IndicatorScope, period: ReturnType<typeof checkPeriod>, totals: RollupTotals, attribution: 'receiver' | 'decider') {
  const values = computeIndicators(totals)
  for (const indicator of Object.keys(FIGURE_PARTS) as (keyof typeof FIGURE_PARTS)[]) {
    const value = values[indicator]
    const listed = async (part: 'numerator' | 'denominator') =>
      (await dossiersBehindFigure(handle.db, { unitId: scope.unitId, scope: scope.scope, period, indicator, part, page: 1, pageSize: 1, attribution })).total
    const label = `${indicator} ${scope.scope} ${period.from}…${period.to} by the ${attribution}`
    if (isRate(value)) {
      expect(await listed('numerator'), `${label} numerator`).toBe(value.numerator)
      expect(await listed('denominator'), `${label} denominator`).toBe(value.denominator)
    } else if (indicator !== 'ecert_copies') {
      // A count lists its own dossiers; e-certified copies are summed, so their dossiers are fewer.
      expect(await listed('numerator'), label).toBe(value.value)
    }
  }
}

let run = 0

/** Sets the deciding unit of these dossiers (null: left as it is), in one statement. */
async function decideElsewhere(pairs: readonly (readonly [string, string | null])[]) {
  const moved = pairs.filter((p): p is readonly [string, string] => p[1] !== null)
  if (moved.length === 0) return
  await sql`
    update dossiers d set deciding_unit_id = u.id
    from (values ${sql.join(moved.map(([code, unit]) => sql`(${code}::text, ${unit}::text)`))}) v(code, unit)
    join units u on u.code = v.unit
    where d.code = v.code`.execute(handle.db)
}

async function removeDossiers(unitCode: string, from: Date, to: Date) {
  await handle.db.transaction().execute(async (trx) => {
    const doomed = trx
      .selectFrom('dossiers')
      .innerJoin('units', 'units.id', 'dossiers.receiving_unit_id')
      .select('dossiers.id')
      .where('units.code', '=', unitCode)
      .where('dossiers.received_at', '>=', from)
      .where('dossiers.received_at', '<', to)
    await sql`alter table dossier_events disable trigger dossier_events_append_only`.execute(trx)
    await trx.deleteFrom('dossier_events').where('dossier_id', 'in', doomed).execute()
    await trx.deleteFrom('dossiers').where('id', 'in', doomed).execute()
    await sql`alter table dossier_events enable trigger dossier_events_append_only`.execute(trx)
  })
}

describe('rollups equal a raw scan of the dossiers', () => {
  it('after imports, changing re-imports, identical re-imports, a commune moved to another district, a unit’s dossiers of a period deleted, units merged, a unit split and any unit moved', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer(), { minLength: 1, maxLength: 40 }).chain((seeds) =>
          fc.tuple(
            fc.tuple(...seeds.map((_, i) => dossierArb(`R${run}-${i}`))),
            fc.tuple(...seeds.map((_, i) => dossierArb(`R${run}-${i}`))),
            fc.array(fc.boolean(), { minLength: seeds.length, maxLength: seeds.length }),
            fc.array(queryArb, { minLength: 3, maxLength: 6 }),
            fc.constantFrom('C1', 'C2', 'C3', 'C4'),
            fc.record({ unit: fc.constantFrom(...UNIT_CODES), fromDay: fc.integer({ min: 0, max: 30 }), length: fc.integer({ min: 1, max: 20 }) }),
            fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
            fc.array(fc.option(fc.constantFrom(...UNIT_CODES), { nil: null }), { minLength: seeds.length, maxLength: seeds.length }),
            fc.array(fc.nat(), { minLength: 2, maxLength: 2 }),
          ),
        ),
        async ([first, second, changed, queries, movedCommune, removal, merger, deciders, move]) => {
          run++
          await importDossierInputs(handle, first, 'property-first')
          await expectRollupsMatchRawScan(queries)
          // Some dossiers are decided elsewhere than where they were received (Decree 118/2025).
          await decideElsewhere(first.map((d, i) => [d.code, deciders[i] ?? null] as const))
          await expectRollupsMatchRawScan(queries)
          // Re-import: some dossiers change (status, dates, digitization, unit…), others stay.
          const next = first.map((d, i) => (changed[i] ? { ...second[i]!, code: d.code } : d))
          await importDossierInputs(handle, next, 'property-second')
          await expectRollupsMatchRawScan(queries)
          const again = await importDossierInputs(handle, next, 'property-again')
          expect(again.inserted + again.updated).toBe(0)
          await expectRollupsMatchRawScan(queries)
          // Reorganisation: a commune changes district; subtree figures follow the tree.
          const moved = await handle.db.selectFrom('units as u').leftJoin('units as s', 's.id', 'u.successor_id').select(['u.id', 'u.valid_from', 'u.valid_to', 's.code as successor']).where('u.code', '=', movedCommune).executeTakeFirstOrThrow()
          // Not under a district an earlier run moved below the commune itself (a cycle the import refuses).
          const below = await handle.db.selectFrom('unit_closure as c').innerJoin('units as u', 'u.id', 'c.descendant_id').select('u.code').where('c.ancestor_id', '=', moved.id).execute()
          const district = movedCommune === 'C1' || movedCommune === 'C2' ? 'D2' : 'D1'
          const target = below.some((u) => u.code === district) ? 'P' : district
          await handle.db.transaction().execute((trx) =>
            saveUnits(trx, [{ line: 2, unit: { code: movedCommune, name: movedCommune, kind: 'commune', parentCode: target, validFrom: moved.valid_from, validTo: moved.valid_to, successorCode: moved.successor } }]),
          )
          await expectRollupsMatchRawScan(queries)
          await expectSubtreeRollupsExact()
          // A unit's dossiers of a period removed (a correction by the database owner, who must
          // lift the history guard to do it): the rollups lose exactly their contributions.
          await removeDossiers(removal.unit, new Date(BASE + removal.fromDay * DAY), new Date(BASE + (removal.fromDay + removal.length) * DAY))
          await expectRollupsMatchRawScan(queries)
          // Two units merged into a new one (units merged before may merge again): the new unit,
          // every unit made so far and their parents count their predecessors' dossiers exactly.
          await mergeTwo(merger)
          const newest = allUnits[allUnits.length - 1]!
          const merged = [{ ...queries[0]!, unit: newest, own: false }, { ...queries[1 % queries.length]!, unit: newest, own: true }, { ...queries[2 % queries.length]!, unit: 'P', own: false }]
          await expectRollupsMatchRawScan([...merged, ...queries.slice(0, 2)])
          // A unit split between two new ones, its dossiers shared by name and by address: both
          // successors, the old unit and the province count each dossier exactly once.
          const [old, keeper, other] = await splitOne(merger)
          const split = [{ ...queries[0]!, unit: other, own: false }, { ...queries[1 % queries.length]!, unit: keeper, own: run % 2 === 0 }, { ...queries[2 % queries.length]!, unit: run % 2 === 0 ? old : 'P', own: false }]
          await expectRollupsMatchRawScan(split)
          // Any unit, a district or a merged one too, moved to another parent: its whole branch
          // leaves its former ancestors' rows and joins the new ones'. Then every scope at once.
          await moveUnit(move)
          await expectRollupsMatchRawScan(queries.slice(0, 2))
          const q = queries[0]!
          await expectSubtreeRollupsExact()
          await expectOneCallMatchesRawScans([...UNIT_CODES, newest], {
            from: new Date(BASE + q.fromDay * DAY + 7 * 3_600_000).toISOString().slice(0, 10),
            to: new Date(BASE + (q.fromDay + q.length - 1) * DAY + 7 * 3_600_000).toISOString().slice(0, 10),
          })
        },
      ),
      // FC_SEED=<seed> replays a failing run.
      { numRuns: 15, ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}) },
    )
    // Longer with the splits and the moves: two cores shared with the other tests.
  }, 900_000)
})
