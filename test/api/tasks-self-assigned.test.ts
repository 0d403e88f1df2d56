import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { addDays } from '../../src/domain/time/local-date.js'
import { toVietnamDate } from '../../src/domain/time/vietnam-time.js'
import { periodTaskOutcomes } from '../../src/modules/directives/period-task-outcomes.js'
import { importUnits } from '../../src/modules/units/import-units.js'
import { startApiServer, stopApiServer } from '../support/api-server.js'
import { tempDir, UNITS_CSV, writeCsv } from '../support/files.js'
import { signIn, type SignedIn } from '../support/sign-in.js'

// A commune giving itself tasks and accepting its own reports does not pad the district's letters (review M3.3).
let handle: DatabaseHandle
let app: FastifyInstance
let anThanhMonitor: SignedIn
let district: SignedIn
const today = toVietnamDate(new Date())
const period = { from: addDays(today, -30), to: today }
const post = (user: SignedIn, url: string, payload: object) => user.inject({ method: 'POST', url, payload })
const unitId = async (code: string) => (await handle.db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id

async function recordAndDeliver(recorder: SignedIn, unit: string, monitor: string, number: string, title: string): Promise<void> {
  const recorded = await post(recorder, '/api/v1/directives', {
    unit, direction: 'outgoing', number, issued_on: addDays(today, -20), issuer: 'UBND', subject: title,
    tasks: [{ title, assignees: ['H23.07.01'], monitor, recurrence: 'once', due_on: addDays(today, -5) }],
  })
  expect(recorded.statusCode).toBe(200)
  const occurrence = recorded.json().tasks[0].id
  expect((await post(anThanhMonitor, `/api/v1/tasks/${occurrence}/submissions`, { note: 'Đã thực hiện' })).statusCode).toBe(200)
}

beforeAll(async () => {
  ;({ handle, app } = await startApiServer())
  await importUnits(handle, writeCsv(tempDir(), 'units.csv', UNITS_CSV), { skipInvalid: false, ignoreUnknown: false })
  anThanhMonitor = await signIn(app, handle, 'monitor', 'H23.07.01')
  district = await signIn(app, handle, 'monitor', 'H23.07')
  // An Thanh records its own directive, assigns itself a task and follows it itself; the district gives An Thanh another, followed by the district.
  await recordAndDeliver(anThanhMonitor, 'H23.07.01', 'H23.07.01', '5/UBND', 'Tự rà soát sổ theo dõi')
  await recordAndDeliver(district, 'H23.07', 'H23.07', '90/UBND-VP', 'Báo cáo kết quả số hóa')
})
afterAll(() => stopApiServer({ handle, app }))

describe('whose documents count a task a commune gave itself', () => {
  it('the district’s letter counts only the task the district gave; An Thanh’s own report counts both', async () => {
    const forDistrict = await periodTaskOutcomes(handle.db, await unitId('H23.07'), period, today)
    const forCommune = await periodTaskOutcomes(handle.db, await unitId('H23.07.01'), period, today)
    expect(forDistrict).toHaveLength(1)
    expect(forCommune).toHaveLength(2)
  })
})
