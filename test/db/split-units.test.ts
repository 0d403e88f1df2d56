import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import type { DossierInput } from '../../src/domain/dossiers/dossier-input.js'
import { importDossierInputs } from '../../src/modules/dossiers/import/import-dossiers.js'
import { getIndicators } from '../../src/modules/indicators/get-indicators.js'
import { reorganiseUnits } from '../../src/modules/units/reorganise/reorganise-units.js'
import { tempDir, writeCsv } from '../support/files.js'
import { rejection } from '../support/rejection.js'
import { createTestDatabase } from '../support/test-database.js'
import { saveUnitsAndProcedures } from '../support/units-and-procedures.js'

/*
 * 1/7/2025: the commune T.X is split between T.NEW1 (named first: it keeps the records) and
 * T.NEW2, which takes the village Thôn Đông. Its dossiers go one by one.
 */
let handle: DatabaseHandle
const dir = tempDir()
const COUNT = 12
const september2022 = { from: '2022-09-01', to: '2022-09-30' }

function dossierOf(i: number): DossierInput {
  const receivedAt = new Date(`2022-09-${String(1 + i).padStart(2, '0')}T09:00:00+07:00`)
  return {
    code: `X-${i}`, unitCode: 'T.X', procedureCode: 'P1', channel: 'direct', status: 'finished', receivedAt, dueAt: null, finishedAt: new Date(receivedAt.getTime() + 86_400_000), returnedAt: null,
    componentsTotal: 1, componentsDigitized: 1, resultDigitized: false, feeVnd: 0, paidOnline: false, ecertCopies: 0, rating: null,
  }
}

/** Dossiers X-0…X-3 are named for T.NEW2; X-4…X-6 have applicants of Thôn Đông; the rest go to T.NEW1. */
const NAMED = { 'X-0': 'T.NEW2', 'X-1': 'T.NEW2', 'X-2': 'T.NEW2', 'X-3': 'T.NEW2' }
const IN_THON_DONG = ['X-4', 'X-5', 'X-6']

function splitFile(name: string, dossiers: Record<string, string>): string {
  const path = join(dir, name)
  writeFileSync(path, JSON.stringify({
    date: '2025-07-01',
    units: [
      { code: 'T.NEW1', name: 'Xã Mới Một', kind: 'xã', parent_code: 'T', from: ['T.X'] },
      { code: 'T.NEW2', name: 'Xã Mới Hai', kind: 'xã', parent_code: 'T', from: ['T.X'], areas: ['Thôn Đông'] },
    ],
    dossiers,
  }))
  return path
}

const received = async (unitCode: string, period = september2022) => {
  const figure = (await getIndicators(handle.db, { unitCode, ...period, children: false })).rows[0]!.indicators.received!
  return 'value' in figure ? figure.value : null
}

beforeAll(async () => {
  handle = await createTestDatabase()
  await saveUnitsAndProcedures(
    handle,
    [
      { code: 'T', name: 'Tỉnh Thử', kind: 'province', parentCode: null },
      { code: 'T.X', name: 'Xã Cũ', kind: 'commune', parentCode: 'T' },
    ],
    [{ code: 'P1', name: 'Thủ tục', field: null, level: 'commune', onlineLevel: 'none', processingDays: 3, feeVnd: 0 }],
  )
  await importDossierInputs(handle, Array.from({ length: COUNT }, (_, i) => dossierOf(i)), 'fixture')
  await handle.db.updateTable('dossiers').set({ applicant_address: 'số 5, thôn đông, xã Cũ' }).where('code', 'in', IN_THON_DONG).execute()
  // A village whose name begins like the area's is not the area.
  await handle.db.updateTable('dossiers').set({ applicant_address: 'Thôn Đông Hưng, xã Cũ' }).where('code', '=', 'X-7').execute()
})
afterAll(async () => handle?.close())

describe('a commune split between two new ones on 1/7/2025', () => {
  it('a named dossier that is not the split unit’s, or a successor that is not its, is refused and nothing changes', async () => {
    const error = await rejection(reorganiseUnits(handle, splitFile('bad.json', { 'X-0': 'T', 'NO-SUCH': 'T.NEW2' }), { dryRun: false, accounts: 'move', actor: 'test' }))
    expect(error.details).toEqual(expect.arrayContaining([
      expect.objectContaining({ column: 'dossiers', value: 'X-0', reason: expect.stringContaining('không phải đơn vị kế thừa của T.X') }),
      expect.objectContaining({ column: 'dossiers', value: 'NO-SUCH' }),
    ]))
    expect(await handle.db.selectFrom('units').select('code').where('code', 'like', 'T.NEW%').execute()).toEqual([])
  })

  it('the dry run says how many dossiers go to each successor, and changes nothing', async () => {
    const outcome = await reorganiseUnits(handle, splitFile('dry.json', NAMED), { dryRun: true, accounts: 'move', actor: 'test' })
    const toNew2 = Object.keys(NAMED).length + IN_THON_DONG.length
    expect(outcome.splitShares).toEqual([{ code: 'T.X', to: [{ code: 'T.NEW1', dossiers: COUNT - toNew2 }, { code: 'T.NEW2', dossiers: toNew2 }] }])
    expect(await handle.db.selectFrom('dossier_heirs').select('dossier_id').execute()).toEqual([])
  })

  it('the same split as CSV — areas in new_areas, the named dossiers in a --dossiers file — shares the dossiers exactly as the JSON does', async () => {
    const csv = writeCsv(dir, 'split.csv', [
      'old_code,new_code,date,new_name,new_kind,new_parent_code,new_areas',
      'T.X,T.NEW1,2025-07-01,Xã Mới Một,xã,T,',
      'T.X,T.NEW2,2025-07-01,Xã Mới Hai,xã,T,Thôn Đông; Thôn Nam',
    ])
    const named = writeCsv(dir, 'named.csv', ['dossier_code,new_code', ...Object.entries(NAMED).map(([code, unit]) => `${code},${unit}`)])
    const fromCsv = await reorganiseUnits(handle, csv, { dryRun: true, accounts: 'move', actor: 'test', dossiersFile: named })
    const fromJson = await reorganiseUnits(handle, splitFile('same.json', NAMED), { dryRun: true, accounts: 'move', actor: 'test' })
    expect(fromCsv.splitShares).toEqual(fromJson.splitShares)
    // Without the named dossiers only the addresses decide.
    const byAddress = await reorganiseUnits(handle, csv, { dryRun: true, accounts: 'move', actor: 'test' })
    expect(byAddress.splitShares).toEqual([{ code: 'T.X', to: [{ code: 'T.NEW1', dossiers: COUNT - IN_THON_DONG.length }, { code: 'T.NEW2', dossiers: IN_THON_DONG.length }] }])
  })

  it('a dossiers file naming one dossier for two successors, or disagreeing with the JSON, is refused with its row and nothing changes', async () => {
    const twice = writeCsv(dir, 'twice.csv', ['dossier_code,new_code', 'X-0,T.NEW2', 'X-0,T.NEW1'])
    const error = await rejection(reorganiseUnits(handle, splitFile('ok.json', {}), { dryRun: false, accounts: 'move', actor: 'test', dossiersFile: twice }))
    expect(error.details).toEqual([{ line: 3, column: 'new_code', value: 'T.NEW1', reason: 'hồ sơ X-0 đã được ghi cho T.NEW2 ở dòng trước' }])
    expect(error.userMessage).toContain('twice.csv')
    const disagree = writeCsv(dir, 'disagree.csv', ['dossier_code,new_code', 'X-1,T.NEW1'])
    const conflict = await rejection(reorganiseUnits(handle, splitFile('named.json', NAMED), { dryRun: false, accounts: 'move', actor: 'test', dossiersFile: disagree }))
    expect(conflict.details).toEqual([expect.objectContaining({ column: 'dossiers', value: 'X-1', reason: 'tệp sắp xếp ghi T.NEW2, tệp hồ sơ ghi T.NEW1' })])
    expect(await handle.db.selectFrom('units').select('code').where('code', 'like', 'T.NEW%').execute()).toEqual([])
  })

  it('applied: each successor counts its share of 2022, the old commune keeps all, the province’s 2022 does not change', async () => {
    const provinceBefore = await received('T')
    await reorganiseUnits(handle, splitFile('split.json', NAMED), { dryRun: false, accounts: 'move', actor: 'test' })
    const toNew2 = Object.keys(NAMED).length + IN_THON_DONG.length
    expect(await received('T.NEW2')).toBe(toNew2)
    expect(await received('T.NEW1')).toBe(COUNT - toNew2)
    expect(await received('T.X')).toBe(COUNT)
    expect(await received('T')).toBe(provinceBefore)
    const audit = await handle.db.selectFrom('audit_log').select('summary').where('action', '=', 'units.reorganise').executeTakeFirstOrThrow()
    expect(JSON.stringify(audit.summary)).toContain('"split_shares"')
  })
})
