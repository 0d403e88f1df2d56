import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import type { DossierInput } from '../../src/domain/dossiers/dossier-input.js'
import { DOSSIER_FLAG_COLUMNS } from '../../src/domain/dossiers/dossier-flags.js'
import { parseIndexPeriod } from '../../src/domain/index766/index-period.js'
import type { UnitInputs } from '../../src/domain/index766/score-unit.js'
import { computeIndex, indexInputs, indexScopeOptionsOf, type IndexRequest } from '../../src/modules/index766/compute-index.js'
import { indexOverview } from '../../src/modules/index766/index-overview.js'
import { importDossierInputs } from '../../src/modules/dossiers/import/import-dossiers.js'
import { reorganiseUnits } from '../../src/modules/units/reorganise/reorganise-units.js'
import { getUnitByCode } from '../../src/modules/units/units.repository.js'
import { tempDir } from '../support/files.js'
import { saveUnitsAndProcedures } from '../support/units-and-procedures.js'
import { createTestDatabase } from '../support/test-database.js'

/*
 * 1/7/2025: the communes T.A.1 and T.A.2 are merged into a new commune HP.N under the province.
 * Commune T.CTRL received, in 2022, a copy of every dossier of the two: what "the two
 * predecessors' dossiers together" score, computed by the same rules for one commune.
 */
let handle: DatabaseHandle
const dir = tempDir()
const QUARTER = '2022-Q3'
const HOUR = 3_600_000
const DAY = 24 * HOUR

/** Dossiers of a commune in a month, varied in every fact the index reads. */
function dossiersOf(unitCode: string, month: string, count: number, prefix: string, decidingUnitCode?: string): DossierInput[] {
  return Array.from({ length: count }, (_, i): DossierInput => {
    const receivedAt = new Date(`${month}-${String(1 + ((i * 3) % 26)).padStart(2, '0')}T09:00:00+07:00`)
    const finished = i % 4 !== 0
    const finishedAt = finished ? new Date(receivedAt.getTime() + (1 + (i % 6)) * DAY) : null
    return {
      code: `${prefix}-${month}-${i}`, unitCode, procedureCode: i % 2 === 0 ? 'P-FULL' : 'P-FEE', channel: i % 3 === 0 ? 'direct' : 'online',
      status: finished ? 'finished' : 'processing', receivedAt, dueAt: new Date(receivedAt.getTime() + 3 * DAY), finishedAt, returnedAt: null,
      componentsTotal: 2, componentsDigitized: i % 2 === 0 ? 2 : 1, resultDigitized: i % 3 === 1, feeVnd: i % 2 === 0 ? 0 : 20000, paidOnline: i % 4 === 1, ecertCopies: i % 5 === 0 ? 1 : 0,
      rating: i % 3 === 0 ? 'satisfied' : i % 7 === 0 ? 'dissatisfied' : null,
      ...(decidingUnitCode ? { decidingUnitCode } : {}),
      flags: { syncedNational: i % 2 === 0, reusedData: i % 3 === 0 ? null : i % 2 === 1, linkedDataStore: i % 5 !== 0, populationDataUsed: i % 4 === 0, resultOnPaper: i % 2 === 1, eResultIssued: i % 4 === 1 },
    }
  })
}

/** The same dossiers received by another unit, under other codes. */
const copiedTo = (unitCode: string, dossiers: DossierInput[]): DossierInput[] => dossiers.map((d) => ({ ...d, code: `COPY-${d.code}`, unitCode }))

const MERGER = { date: '2025-07-01', units: [{ code: 'HP.N', name: 'Xã Tân Hợp', kind: 'xã', parent_code: 'T', from: ['T.A.1', 'T.A.2'] }] }

const inputsOf = async (unitCode: string, request: Omit<IndexRequest, 'unitCode' | 'period'> = {}): Promise<UnitInputs> => {
  const period = parseIndexPeriod(QUARTER)
  const unit = await getUnitByCode(handle.db, unitCode)
  return indexInputs(handle.db, unit.id, period.from, period.to, undefined, indexScopeOptionsOf(request, period))
}

const withoutCommunes = ({ '4.ct': _communes, ...rest }: UnitInputs) => rest

let before: Record<string, UnitInputs>
const RECEIVED_AT_A3_DECIDED_AT_B = 6

beforeAll(async () => {
  handle = await createTestDatabase()
  await saveUnitsAndProcedures(
    handle,
    [
      { code: 'T', name: 'Thành phố Thử', kind: 'province', parentCode: null },
      { code: 'T.A', name: 'Huyện A', kind: 'district', parentCode: 'T' },
      { code: 'T.A.1', name: 'Xã Một', kind: 'commune', parentCode: 'T.A' },
      { code: 'T.A.2', name: 'Xã Hai', kind: 'commune', parentCode: 'T.A' },
      { code: 'T.A.3', name: 'Xã Ba', kind: 'commune', parentCode: 'T.A' },
      { code: 'T.B', name: 'Huyện B', kind: 'district', parentCode: 'T' },
      { code: 'T.CTRL', name: 'Xã Đối Chứng', kind: 'commune', parentCode: 'T.B' },
    ],
    [
      { code: 'P-FULL', name: 'Toàn trình', field: null, level: 'commune', onlineLevel: 'full', processingDays: 3, feeVnd: 0 },
      { code: 'P-FEE', name: 'Có lệ phí', field: null, level: 'commune', onlineLevel: 'partial', processingDays: 3, feeVnd: 20000 },
    ],
  )
  const one = [...dossiersOf('T.A.1', '2022-07', 9, 'A1'), ...dossiersOf('T.A.1', '2022-09', 5, 'A1')]
  const two = dossiersOf('T.A.2', '2022-08', 8, 'A2')
  const decidedElsewhere = dossiersOf('T.A.3', '2022-08', RECEIVED_AT_A3_DECIDED_AT_B, 'A3', 'T.B')
  await importDossierInputs(handle, [...one, ...two, ...copiedTo('T.CTRL', [...one, ...two]), ...decidedElsewhere, ...dossiersOf('T.A.3', '2022-09', 4, 'A3S')], 'fixture', DOSSIER_FLAG_COLUMNS)
  before = Object.fromEntries(await Promise.all(['T', 'T.A', 'T.A.1', 'T.A.2', 'T.B'].map(async (code) => [code, await inputsOf(code)] as const)))
  const path = join(dir, 'merger.json')
  writeFileSync(path, JSON.stringify(MERGER))
  await reorganiseUnits(handle, path, { dryRun: false, accounts: 'move', actor: 'test' })
})
afterAll(async () => handle?.close())

describe('Decision 766 inputs of a commune formed on 1/7/2025, for a 2022 quarter', () => {
  it('by today’s units: the new commune’s inputs and score are those of its two predecessors’ dossiers together', async () => {
    const merged = await inputsOf('HP.N', { tree: 'current' })
    expect(merged['2.1']!).toMatchObject({ denominator: expect.any(Number) })
    expect((merged['2.1'] as { denominator: number }).denominator).toBeGreaterThan(0)
    expect(merged).toEqual(await inputsOf('T.CTRL', { tree: 'current' }))
    const merged766 = await computeIndex(handle.db, { unitCode: 'HP.N', period: QUARTER, tree: 'current' })
    const together766 = await computeIndex(handle.db, { unitCode: 'T.CTRL', period: QUARTER, tree: 'current' })
    expect(merged766.score).toEqual(together766.score)
  })

  it('by the period’s tree too, but for 4.ct, which counts the two communes of 2022', async () => {
    const merged = await inputsOf('HP.N')
    expect(withoutCommunes(merged)).toEqual(withoutCommunes(await inputsOf('T.CTRL')))
    expect(merged['4.ct']!).toMatchObject({ denominator: 2 })
  })

  it('the old communes keep theirs; the districts’ and the province’s do not change', async () => {
    for (const code of Object.keys(before)) expect({ code, inputs: await inputsOf(code) }).toEqual({ code, inputs: before[code] })
  })

  it('the index page lists the period’s communes, or today’s when asked', async () => {
    const byPeriod = await indexOverview(handle.db, { unitCode: 'T', period: QUARTER })
    const byToday = await indexOverview(handle.db, { unitCode: 'T', period: QUARTER, tree: 'current' })
    expect(byPeriod.children.map((c) => c.unit_code)).not.toContain('HP.N')
    expect(byToday.children.map((c) => c.unit_code)).toContain('HP.N')
    const today = byToday.children.find((c) => c.unit_code === 'HP.N')!
    const control = byToday.children.find((c) => c.unit_code === 'T.CTRL')
    if (control) expect(today.total).toBe(control.total)
    const alone = await computeIndex(handle.db, { unitCode: 'HP.N', period: QUARTER, tree: 'current' })
    expect(today.total).toBe(alone.score.total.points)
  })
})

describe('receiving unit and deciding unit', () => {
  const denominator = (inputs: UnitInputs, id: string) => (inputs[id] as { denominator: number }).denominator
  it('by the decider, a dossier received at a commune of one district and decided at another district counts for processing there', async () => {
    const [aReceiver, aDecider, bReceiver, bDecider] = [
      await inputsOf('T.A'), await inputsOf('T.A', { attribution: 'decider' }), await inputsOf('T.B'), await inputsOf('T.B', { attribution: 'decider' }),
    ]
    for (const id of ['2.1', '5.4']) {
      expect(denominator(aDecider, id), id).toBe(denominator(aReceiver, id) - RECEIVED_AT_A3_DECIDED_AT_B)
      expect(denominator(bDecider, id), id).toBe(denominator(bReceiver, id) + RECEIVED_AT_A3_DECIDED_AT_B)
    }
    // Reception stays at the receiver.
    for (const id of ['3.x', '1.4', '4.2', '4.3']) {
      expect(aDecider[id], id).toEqual(aReceiver[id])
      expect(bDecider[id], id).toEqual(bReceiver[id])
    }
    // The province holds both ends: nothing moves in or out of it.
    expect(await inputsOf('T', { attribution: 'decider' })).toEqual(await inputsOf('T'))
  })
})
