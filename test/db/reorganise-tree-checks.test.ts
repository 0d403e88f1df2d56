import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { reorganiseUnits } from '../../src/modules/units/reorganise/reorganise-units.js'
import { importUnits } from '../../src/modules/units/import-units.js'
import { rejection } from '../support/rejection.js'
import { tempDir, UNITS_CSV, writeCsv } from '../support/files.js'
import { createTestDatabase } from '../support/test-database.js'

describe('a reorganisation is checked as a unit import is', () => {
  let handle: DatabaseHandle
  const dir = tempDir()

  beforeAll(async () => {
    handle = await createTestDatabase()
    await importUnits(handle, writeCsv(dir, 'units.csv', UNITS_CSV), { skipInvalid: false, ignoreUnknown: false })
  })
  afterAll(() => handle.close())

  const unitCount = async () => (await handle.db.selectFrom('units').select('code').execute()).length

  it('two new communes each named the other’s superior are refused on the file’s line, and nothing changes', async () => {
    const file = join(dir, 'vong-lap.json')
    writeFileSync(file, JSON.stringify({
      date: '2025-07-01',
      units: [
        { code: 'X1', name: 'Xã Một', kind: 'commune', parent_code: 'X2', from: ['H23.07.01'] },
        { code: 'X2', name: 'Xã Hai', kind: 'commune', parent_code: 'X1', from: ['H23.07.02'] },
      ],
    }))
    const before = await unitCount()
    const error = await rejection(reorganiseUnits(handle, file, { dryRun: false, accounts: 'move', actor: 'test' }))
    expect(JSON.stringify(error)).toContain('quan hệ cấp trên tạo thành vòng lặp')
    expect(await unitCount()).toBe(before)
    const anThanh = await handle.db.selectFrom('units').select(['valid_to', 'successor_id']).where('code', '=', 'H23.07.01').executeTakeFirstOrThrow()
    expect(anThanh).toEqual({ valid_to: null, successor_id: null })
  })
})
