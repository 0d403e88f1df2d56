import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import type { DossierInput } from '../../src/domain/dossiers/dossier-input.js'
import { exportDossiers } from '../../src/modules/dossiers/export/export-dossiers.js'
import { importDossierInputs } from '../../src/modules/dossiers/import/import-dossiers.js'
import { reorganiseUnits } from '../../src/modules/units/reorganise/reorganise-units.js'
import { tempDir } from '../support/files.js'
import { saveUnitsAndProcedures } from '../support/units-and-procedures.js'
import { createTestDatabase } from '../support/test-database.js'

/*
 * 1/7/2025: the commune T.X is split between T.NEW1 (named first: it keeps the records) and
 * T.NEW2, to which the file names some of T.X's dossiers. Exported by today's units, each
 * successor has its share.
 */
let handle: DatabaseHandle
const dir = tempDir()
const CODES = Array.from({ length: 7 }, (_, i) => `X-${i}`)
const TO_SECOND = ['X-1', 'X-4', 'X-5']

function dossier(code: string, unitCode: string, day: string): DossierInput {
  const receivedAt = new Date(`${day}T09:00:00+07:00`)
  return {
    code, unitCode, procedureCode: 'P1', channel: 'direct', status: 'finished', receivedAt, dueAt: null, finishedAt: new Date(receivedAt.getTime() + 86_400_000), returnedAt: null,
    componentsTotal: 1, componentsDigitized: 1, resultDigitized: false, feeVnd: 0, paidOnline: false, ecertCopies: 0, rating: null,
  }
}

/** The codes of the dossiers a unit's export by today's units holds. */
async function exportedCodes(unitCode: string): Promise<string[]> {
  const path = join(dir, `${unitCode}.csv`)
  await exportDossiers(handle, path, { unitCode, withPredecessors: true })
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split(/\r?\n/).map((line) => line.split(','))
  const code = header!.indexOf('code')
  return lines.map((cells) => cells[code]!).sort()
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
  await importDossierInputs(handle, CODES.map((code, i) => dossier(code, 'T.X', `2022-09-0${1 + i}`)), 'fixture')
  const path = join(dir, 'split.json')
  writeFileSync(path, JSON.stringify({
    date: '2025-07-01',
    units: [
      { code: 'T.NEW1', name: 'Xã Mới Một', kind: 'xã', parent_code: 'T', from: ['T.X'] },
      { code: 'T.NEW2', name: 'Xã Mới Hai', kind: 'xã', parent_code: 'T', from: ['T.X'] },
    ],
    dossiers: Object.fromEntries(TO_SECOND.map((code) => [code, 'T.NEW2'])),
  }))
  await reorganiseUnits(handle, path, { dryRun: false, accounts: 'move', actor: 'test' })
  await importDossierInputs(handle, [dossier('N2-0', 'T.NEW2', '2025-09-01')], 'after')
})
afterAll(async () => handle?.close())

describe('the dossier export by today’s units, after a split', () => {
  it('each successor exports the split commune’s dossiers named to it, and no others', async () => {
    expect(await exportedCodes('T.NEW2')).toEqual([...TO_SECOND, 'N2-0'].sort())
    expect(await exportedCodes('T.NEW1')).toEqual(CODES.filter((code) => !TO_SECOND.includes(code)).sort())
  })

  it('the old commune keeps all of its dossiers, and the province holds each once', async () => {
    expect(await exportedCodes('T.X')).toEqual([...CODES].sort())
    expect(await exportedCodes('T')).toEqual([...CODES, 'N2-0'].sort())
  })
})
