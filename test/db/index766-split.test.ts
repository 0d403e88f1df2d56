import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import type { DossierInput } from '../../src/domain/dossiers/dossier-input.js'
import { DOSSIER_FLAG_COLUMNS } from '../../src/domain/dossiers/dossier-flags.js'
import { parseIndexPeriod } from '../../src/domain/index766/index-period.js'
import type { UnitInputs } from '../../src/domain/index766/score-unit.js'
import { startOfVietnamDay } from '../../src/domain/time/vietnam-time.js'
import { addDays } from '../../src/domain/time/local-date.js'
import { loadWorkingCalendar } from '../../src/modules/calendar/load-working-calendar.js'
import { indexInputs, indexScopeOptionsOf, type IndexRequest } from '../../src/modules/index766/compute-index.js'
import { dossierHistoryInputsOverWindows } from '../../src/modules/index766/dossier-history-inputs.js'
import { dossierHistoryInputsInDatabase } from '../../src/modules/index766/dossier-history-sql.js'
import { importDossierInputs } from '../../src/modules/dossiers/import/import-dossiers.js'
import { reorganiseUnits } from '../../src/modules/units/reorganise/reorganise-units.js'
import { getUnitByCode } from '../../src/modules/units/units.repository.js'
import { tempDir } from '../support/files.js'
import { saveUnitsAndProcedures } from '../support/units-and-procedures.js'
import { createTestDatabase } from '../support/test-database.js'

/*
 * 1/7/2025: the commune T.X is split between T.NEW1 (named first: it keeps the records) and
 * T.NEW2, to which the file names some of T.X's dossiers. Communes T.C1 and T.C2 received, in
 * 2022, a copy of the dossiers of T.X that go to T.NEW1 and to T.NEW2: what each successor's
 * share scores, computed by the same rules for one commune.
 */
let handle: DatabaseHandle
const dir = tempDir()
const QUARTER = '2022-Q3'
const DAY = 24 * 3_600_000

/** Dossiers of a commune in a month, varied in every fact the index reads. */
function dossiersOf(unitCode: string, month: string, count: number, prefix: string): DossierInput[] {
  return Array.from({ length: count }, (_, i): DossierInput => {
    const receivedAt = new Date(`${month}-${String(1 + ((i * 3) % 26)).padStart(2, '0')}T09:00:00+07:00`)
    const finished = i % 4 !== 0
    return {
      code: `${prefix}-${month}-${i}`, unitCode, procedureCode: i % 2 === 0 ? 'P-FULL' : 'P-FEE', channel: i % 3 === 0 ? 'direct' : 'online',
      status: finished ? 'finished' : 'processing', receivedAt, dueAt: new Date(receivedAt.getTime() + 3 * DAY), finishedAt: finished ? new Date(receivedAt.getTime() + (1 + (i % 6)) * DAY) : null, returnedAt: null,
      componentsTotal: 2, componentsDigitized: i % 2 === 0 ? 2 : 1, resultDigitized: i % 3 === 1, feeVnd: i % 2 === 0 ? 0 : 20000, paidOnline: i % 4 === 1, ecertCopies: i % 5 === 0 ? 1 : 0,
      rating: i % 3 === 0 ? 'satisfied' : i % 7 === 0 ? 'dissatisfied' : null,
      flags: { syncedNational: i % 2 === 0, reusedData: i % 3 === 0 ? null : i % 2 === 1, linkedDataStore: i % 5 !== 0, populationDataUsed: i % 4 === 0, resultOnPaper: i % 2 === 1, eResultIssued: i % 4 === 1 },
    }
  })
}

const copiedTo = (unitCode: string, dossiers: DossierInput[]): DossierInput[] => dossiers.map((d) => ({ ...d, code: `COPY-${d.code}`, unitCode }))

const split = [...dossiersOf('T.X', '2022-07', 11, 'X'), ...dossiersOf('T.X', '2022-09', 9, 'X')]
/** Every third dossier, and a few more, are named to the second successor. */
const toSecond = split.filter((_, i) => i % 3 === 0 || i === 7 || i === 8)
const toFirst = split.filter((d) => !toSecond.includes(d))

const inputsOf = async (unitCode: string, request: Omit<IndexRequest, 'unitCode' | 'period'> = {}): Promise<UnitInputs> => {
  const period = parseIndexPeriod(QUARTER)
  const unit = await getUnitByCode(handle.db, unitCode)
  return indexInputs(handle.db, unit.id, period.from, period.to, undefined, indexScopeOptionsOf(request, period))
}

const withoutCommunes = ({ '4.ct': _communes, ...rest }: UnitInputs) => rest

let before: Record<string, UnitInputs>

beforeAll(async () => {
  handle = await createTestDatabase()
  await saveUnitsAndProcedures(
    handle,
    [
      { code: 'T', name: 'Tỉnh Thử', kind: 'province', parentCode: null },
      { code: 'T.X', name: 'Xã Cũ', kind: 'commune', parentCode: 'T' },
      { code: 'T.C1', name: 'Xã Đối Chứng Một', kind: 'commune', parentCode: 'T' },
      { code: 'T.C2', name: 'Xã Đối Chứng Hai', kind: 'commune', parentCode: 'T' },
    ],
    [
      { code: 'P-FULL', name: 'Toàn trình', field: null, level: 'commune', onlineLevel: 'full', processingDays: 3, feeVnd: 0 },
      { code: 'P-FEE', name: 'Có lệ phí', field: null, level: 'commune', onlineLevel: 'partial', processingDays: 3, feeVnd: 20000 },
    ],
  )
  await importDossierInputs(handle, [...split, ...copiedTo('T.C1', toFirst), ...copiedTo('T.C2', toSecond)], 'fixture', DOSSIER_FLAG_COLUMNS)
  before = Object.fromEntries(await Promise.all(['T', 'T.X'].map(async (code) => [code, await inputsOf(code)] as const)))
  const path = join(dir, 'split.json')
  writeFileSync(path, JSON.stringify({
    date: '2025-07-01',
    units: [
      { code: 'T.NEW1', name: 'Xã Mới Một', kind: 'xã', parent_code: 'T', from: ['T.X'] },
      { code: 'T.NEW2', name: 'Xã Mới Hai', kind: 'xã', parent_code: 'T', from: ['T.X'] },
    ],
    dossiers: Object.fromEntries(toSecond.map((d) => [d.code, 'T.NEW2'])),
  }))
  await reorganiseUnits(handle, path, { dryRun: false, accounts: 'move', actor: 'test' })
})
afterAll(async () => handle?.close())

describe('Decision 766 inputs of the successors of a commune split on 1/7/2025, for a 2022 quarter', () => {
  it('each successor counts exactly its share of the split commune’s dossiers', async () => {
    const second = await inputsOf('T.NEW2', { tree: 'current' })
    expect((second['2.1'] as { denominator: number }).denominator).toBeGreaterThan(0)
    expect(withoutCommunes(second)).toEqual(withoutCommunes(await inputsOf('T.C2', { tree: 'current' })))
    expect(withoutCommunes(await inputsOf('T.NEW1', { tree: 'current' }))).toEqual(withoutCommunes(await inputsOf('T.C1', { tree: 'current' })))
  })

  it('the old commune keeps all of its dossiers, and the province’s inputs do not change', async () => {
    for (const code of Object.keys(before)) expect({ code, inputs: await inputsOf(code) }).toEqual({ code, inputs: before[code] })
  })

  it('judged in the database, 2.1, 2.2 and 5.4 equal the reference judged dossier by dossier', async () => {
    const calendar = await loadWorkingCalendar(handle.db)
    const scopes = await Promise.all(['T', 'T.X', 'T.NEW1', 'T.NEW2', 'T.C1', 'T.C2'].map(async (code) => (await getUnitByCode(handle.db, code)).id))
    const period = parseIndexPeriod(QUARTER)
    const windows = [{ start: startOfVietnamDay(period.from), end: startOfVietnamDay(addDays(period.to, 1)) }, { start: startOfVietnamDay('2022-08-01'), end: startOfVietnamDay('2022-10-01') }]
    for (const attribution of ['receiver', 'decider'] as const) {
      const fast = await dossierHistoryInputsInDatabase(handle.db, calendar, scopes, windows, attribution)
      const reference = await dossierHistoryInputsOverWindows(handle.db, calendar, scopes, windows, attribution)
      expect(fast.map((byScope) => [...byScope])).toEqual(reference.map((byScope) => [...byScope]))
      const [newTwo, controlTwo] = [fast[0]!.get(scopes[3]!)!, fast[0]!.get(scopes[5]!)!]
      expect(newTwo).toEqual(controlTwo)
    }
  })
})
