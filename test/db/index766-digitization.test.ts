import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { computeIndex } from '../../src/modules/index766/compute-index.js'
import { loadSmallDistrict } from '../support/small-district.js'
import { createTestDatabase } from '../support/test-database.js'

/*
 * 4.2 for An Thanh in August 2025: a dossier counts as digitized when its components and, once
 * it has one, its result carry files. Columns as DOSSIER_HEADER.
 */
const DOSSIERS = [
  // finished, every component and the result scanned: digitized
  'A,H23.07.01,1.001193,direct,2025-08-04T08:00:00+07:00,2025-08-04T17:00:00+07:00,2025-08-04T10:00:00+07:00,,finished,2,2,true,0,,0,',
  // finished, components scanned but the result not: not digitized
  'B,H23.07.01,1.001193,direct,2025-08-05T08:00:00+07:00,2025-08-05T17:00:00+07:00,2025-08-05T10:00:00+07:00,,finished,2,2,false,0,,0,',
  // still being processed, its one component scanned: digitized (no result yet to scan)
  'C,H23.07.01,1.001193,direct,2025-08-06T08:00:00+07:00,2025-09-30T17:00:00+07:00,,,processing,1,1,false,0,,0,',
  // returned with its result scanned, but one component of two not: not digitized
  'D,H23.07.01,1.001193,direct,2025-08-07T08:00:00+07:00,2025-08-07T17:00:00+07:00,2025-08-07T10:00:00+07:00,2025-08-07T15:00:00+07:00,returned,2,1,true,0,,0,',
  // no components at all: not counted either way
  'E,H23.07.01,1.001193,direct,2025-08-08T08:00:00+07:00,2025-08-08T17:00:00+07:00,2025-08-08T10:00:00+07:00,,finished,0,0,true,0,,0,',
]

let handle: DatabaseHandle
beforeAll(async () => {
  handle = await createTestDatabase()
  await loadSmallDistrict(handle, DOSSIERS)
})
afterAll(async () => handle.close())

describe('4.2: components and result carry files', () => {
  it('A and C of A–D are digitized: 2/4 = 50 % < 80 %, so 4 × 50 % / 80 % = 2,5 points', async () => {
    const report = await computeIndex(handle.db, { unitCode: 'H23.07.01', period: '2025-08' })
    const score = report.score.indicators.find((i) => i.id === '4.2')!
    expect(score).toMatchObject({ numerator: 2, denominator: 4, ratio: 50, points: 2.5 })
    expect(report.sources['4.2']).toContain('số hóa cả kết quả')
  })
})
