import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { parseIndexPeriod } from '../../src/domain/index766/index-period.js'
import { indexInputs, indexInputsOfScopes, indexInputsOverPeriods } from '../../src/modules/index766/compute-index.js'
import { indexTrendPeriods } from '../../src/domain/index766/index-trend-periods.js'
import { loadIndexDistrict } from '../support/index766-district.js'
import { createTestDatabase } from '../support/test-database.js'

let handle: DatabaseHandle

beforeAll(async () => {
  handle = await createTestDatabase()
  await loadIndexDistrict(handle)
})
afterAll(async () => {
  await handle?.close()
})

describe('a district and its communes scored together', () => {
  it.each(['2025-Q3', '2025-08', '2025', '2024-Q4'])('give each unit exactly the inputs it has alone (%s)', async (label) => {
    const { from, to } = parseIndexPeriod(label)
    const units = await handle.db.selectFrom('units').select(['id', 'code']).orderBy('code').execute()
    const together = await indexInputsOfScopes(handle.db, units.map((u) => u.id), from, to)
    for (const unit of units) {
      expect({ unit: unit.code, inputs: together.get(unit.id) }).toEqual({ unit: unit.code, inputs: await indexInputs(handle.db, unit.id, from, to) })
    }
  })

  it.each(['2025-Q3', '2025', '2024-12'])('a trend scored together gives each period exactly the inputs it has alone (%s)', async (label) => {
    const periods = indexTrendPeriods(parseIndexPeriod(label))
    const units = await handle.db.selectFrom('units').select(['id', 'code']).orderBy('code').execute()
    const together = await indexInputsOverPeriods(handle.db, units.map((u) => u.id), periods)
    for (const [p, period] of periods.entries()) {
      for (const unit of units) {
        expect({ period: period.label, unit: unit.code, inputs: together[p]!.get(unit.id) }).toEqual({ period: period.label, unit: unit.code, inputs: await indexInputs(handle.db, unit.id, period.from, period.to) })
      }
    }
  })
})
