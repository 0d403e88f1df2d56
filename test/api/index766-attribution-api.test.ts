import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { computeIndex } from '../../src/modules/index766/compute-index.js'
import { startApiServer, stopApiServer } from '../support/api-server.js'
import { loadIndexDistrict } from '../support/index766-district.js'
import { signIn, type SignedIn } from '../support/sign-in.js'

/* GET /api/v1/index766 asked by the deciding unit and by today's units (docs/TWO-LEVEL-GOVERNMENT.md). */
let handle: DatabaseHandle
let app: FastifyInstance
let leader: SignedIn

beforeAll(async () => {
  ;({ handle, app } = await startApiServer())
  await loadIndexDistrict(handle)
  // An Thanh received AT-2; Đại Hợp decides it (Decree 118/2025).
  const daiHop = await handle.db.selectFrom('units').select('id').where('code', '=', 'H23.07.03').executeTakeFirstOrThrow()
  await handle.db.updateTable('dossiers').set({ deciding_unit_id: daiHop.id }).where('code', '=', 'AT-2').execute()
  leader = await signIn(app, handle, 'leader', 'H23.07')
})
afterAll(async () => {
  await stopApiServer({ handle, app })
})

const overview = async (query: string) => {
  const response = await leader.inject(`/api/v1/index766?${query}`)
  return { status: response.statusCode, body: response.json() }
}

const indicator = (report: { score: { indicators: { id: string; denominator: number | null }[] } }, id: string) => report.score.indicators.find((i) => i.id === id)!

describe('GET /api/v1/index766 by=decider, tree=current', () => {
  it('by the decider, the dossier decided at Đại Hợp is judged there; received there it is not', async () => {
    for (const unit of ['H23.07.01', 'H23.07.03']) {
      const { status, body } = await overview(`unit=${unit}&period=2025-08&by=decider`)
      expect(status).toBe(200)
      expect(body.report).toEqual(JSON.parse(JSON.stringify(await computeIndex(handle.db, { unitCode: unit, period: '2025-08', attribution: 'decider' }))))
    }
    const [anThanh, anThanhDecided, daiHop, daiHopDecided] = await Promise.all([
      overview('unit=H23.07.01&period=2025-08'), overview('unit=H23.07.01&period=2025-08&by=decider'),
      overview('unit=H23.07.03&period=2025-08'), overview('unit=H23.07.03&period=2025-08&by=decider'),
    ])
    expect(indicator(anThanhDecided.body.report, '2.1').denominator).toBe(indicator(anThanh.body.report, '2.1').denominator! - 1)
    expect(indicator(daiHopDecided.body.report, '2.1').denominator).toBe(indicator(daiHop.body.report, '2.1').denominator! + 1)
    // Reception stays at the receiver.
    expect(indicator(anThanhDecided.body.report, '3.x')).toEqual(indicator(anThanh.body.report, '3.x'))
  })

  it('by today’s units: the same score as computeIndex with the current tree', async () => {
    const { status, body } = await overview('unit=H23.07&period=2025-08&tree=current')
    expect(status).toBe(200)
    expect(body.report).toEqual(JSON.parse(JSON.stringify(await computeIndex(handle.db, { unitCode: 'H23.07', period: '2025-08', tree: 'current' }))))
  })

  it('an unknown choice is refused', async () => {
    expect((await overview('unit=H23.07&period=2025-08&by=anyone')).status).toBe(400)
    expect((await overview('unit=H23.07&period=2025-08&tree=tomorrow')).status).toBe(400)
  })
})
