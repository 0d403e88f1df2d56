import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { seedDemo } from '../../src/modules/demo/seed-demo.js'
import { computeIndex } from '../../src/modules/index766/compute-index.js'
import { createTestDatabase } from '../support/test-database.js'

let handle: DatabaseHandle

beforeAll(async () => {
  handle = await createTestDatabase()
  await seedDemo(handle, { scale: 0.05, password: 'mat-khau-demo-thu-2022' })
}, 120_000)
afterAll(async () => handle.close())

const FILLED = ['1.1', '1.2', '1.3', '1.4', '2.2', '3.5', '4.1', '4.3', '4.4', '4.5a', '4.5b', '5.1', '5.2', '5.3', '5.4']

describe('the demo province feeds the Decision 766 index', () => {
  it('Tứ Kỳ in 2023-Q3: publication, flags and feedback all give figures', async () => {
    const report = await computeIndex(handle.db, { unitCode: 'H23.07', period: '2023-Q3' })
    const byId = new Map(report.score.indicators.map((i) => [i.id, i]))
    for (const id of FILLED) expect(byId.get(id)?.status, id).not.toBe('no_data')
    expect(byId.get('1.4')!.denominator).toBeGreaterThan(0)
    expect(byId.get('5.2')!.denominator).toBeGreaterThan(0)
    // The demo knows the payment integration of its fee procedures: 3.5 is scored, 2.2 and 5.4 come from the histories.
    expect(byId.get('3.5')).toMatchObject({ status: 'scored' })
    expect(byId.get('3.5')!.parts!.b!.denominator).toBeGreaterThan(0)
    expect(byId.get('2.2')!.average).toBeGreaterThan(0)
    expect(byId.get('5.4')!.denominator).toBeGreaterThan(0)
  })

  it('before July 2022 the dossiers carry no flags: 1.4 is "chưa có dữ liệu" in 2022-Q1', async () => {
    const report = await computeIndex(handle.db, { unitCode: 'H23.07', period: '2022-Q1' })
    expect(report.score.indicators.find((i) => i.id === '1.4')!.status).toBe('no_data')
  })

  it('seeding again changes nothing', async () => {
    const feedbackBefore = await handle.db.selectFrom('feedback').select('id').execute()
    const again = await seedDemo(handle, { scale: 0.05, password: 'mat-khau-demo-thu-2022' })
    expect(again.inserted).toBe(0)
    expect(await handle.db.selectFrom('feedback').select('id').execute()).toHaveLength(feedbackBefore.length)
    const audit = await handle.db.selectFrom('audit_log').select('summary').where('action', '=', 'import.dossiers').orderBy('id', 'desc').executeTakeFirstOrThrow()
    expect(audit.summary).toMatchObject({ inserted: 0, updated: 0 })
  }, 120_000)
})
