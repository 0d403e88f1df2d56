import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import type { DossierInput } from '../../src/domain/dossiers/dossier-input.js'
import { exportDossiers } from '../../src/modules/dossiers/export/export-dossiers.js'
import { importDossierInputs, importDossiers } from '../../src/modules/dossiers/import/import-dossiers.js'
import { reorganiseUnits } from '../../src/modules/units/reorganise/reorganise-units.js'
import { tempDir } from '../support/files.js'
import { createTestDatabase } from '../support/test-database.js'
import { saveUnitsAndProcedures } from '../support/units-and-procedures.js'

/* The dossier export writes who decides each dossier, and exports a commune of today with the dossiers of the communes it replaced. */
let handle: DatabaseHandle
const dir = tempDir()

function dossier(code: string, unitCode: string, day: string, decidingUnitCode?: string): DossierInput {
  const receivedAt = new Date(`${day}T09:00:00+07:00`)
  return {
    code, unitCode, procedureCode: 'P1', channel: 'direct', status: 'finished', receivedAt, dueAt: null, finishedAt: new Date(receivedAt.getTime() + 86_400_000), returnedAt: null,
    componentsTotal: 1, componentsDigitized: 1, resultDigitized: false, feeVnd: 0, paidOnline: false, ecertCopies: 0, rating: null,
    ...(decidingUnitCode ? { decidingUnitCode } : {}),
  }
}

/** The file's rows as column → value, by the header. */
function rowsOf(path: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split(/\r?\n/).map((line) => line.split(','))
  return lines.map((cells) => Object.fromEntries(header!.map((name, i) => [name, cells[i] ?? ''])))
}

beforeAll(async () => {
  handle = await createTestDatabase()
  await saveUnitsAndProcedures(
    handle,
    [
      { code: 'T', name: 'Tỉnh Thử', kind: 'province', parentCode: null },
      { code: 'T.A', name: 'Huyện A', kind: 'district', parentCode: 'T' },
      { code: 'T.A.1', name: 'Xã Một', kind: 'commune', parentCode: 'T.A' },
      { code: 'T.A.2', name: 'Xã Hai', kind: 'commune', parentCode: 'T.A' },
      { code: 'T.A.3', name: 'Xã Ba', kind: 'commune', parentCode: 'T.A' },
    ],
    [{ code: 'P1', name: 'Thủ tục', field: null, level: 'commune', onlineLevel: 'none', processingDays: 3, feeVnd: 0 }],
  )
  await importDossierInputs(handle, [
    dossier('HS-1', 'T.A.1', '2022-09-05'), dossier('HS-2', 'T.A.2', '2022-09-06', 'T.A'), dossier('HS-3', 'T.A.3', '2022-09-07'),
  ], 'fixture')
  const path = join(dir, 'merger.json')
  writeFileSync(path, JSON.stringify({ date: '2025-07-01', units: [{ code: 'HP.N', name: 'Xã Tân Hợp', kind: 'xã', parent_code: 'T', from: ['T.A.1', 'T.A.2'] }] }))
  await reorganiseUnits(handle, path, { dryRun: false, accounts: 'move', actor: 'test' })
  await importDossierInputs(handle, [dossier('HS-4', 'HP.N', '2025-09-01')], 'after')
})
afterAll(async () => handle?.close())

describe('the dossier export and the units of today', () => {
  it('writes the deciding unit’s code (the receiver’s when no other decides) and imports back unchanged', async () => {
    const path = join(dir, 'all.csv')
    await exportDossiers(handle, path)
    const rows = rowsOf(path)
    expect(rows.map((r) => [r.code, r.unit_code, r.deciding_unit_code])).toEqual(
      expect.arrayContaining([['HS-1', 'T.A.1', 'T.A.1'], ['HS-2', 'T.A.2', 'T.A'], ['HS-3', 'T.A.3', 'T.A.3'], ['HS-4', 'HP.N', 'HP.N']]),
    )
    expect(await importDossiers(handle, path, { skipInvalid: false, ignoreUnknown: false })).toMatchObject({ inserted: 0, updated: 0, unchanged: 4 })
  })

  it('a commune of today exports its own dossiers, or with those of the communes it replaced when asked', async () => {
    const own = join(dir, 'own.csv')
    expect(await exportDossiers(handle, own, { unitCode: 'HP.N' })).toBe(1)
    const today = join(dir, 'today.csv')
    expect(await exportDossiers(handle, today, { unitCode: 'HP.N', withPredecessors: true })).toBe(3)
    // The rows keep the unit that received each dossier, so the file imports back as it was.
    expect(rowsOf(today).map((r) => [r.code, r.unit_code]).sort()).toEqual([['HS-1', 'T.A.1'], ['HS-2', 'T.A.2'], ['HS-4', 'HP.N']])
    // The old communes keep their own; the province counts each dossier once.
    expect(await exportDossiers(handle, join(dir, 'a1.csv'), { unitCode: 'T.A.1', withPredecessors: true })).toBe(1)
    expect(await exportDossiers(handle, join(dir, 'province.csv'), { unitCode: 'T', withPredecessors: true })).toBe(4)
  })
})
