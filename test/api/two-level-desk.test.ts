import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { startApiServer, stopApiServer } from '../support/api-server.js'
import { signIn, type SignedIn } from '../support/sign-in.js'
import { saveUnitsAndProcedures } from '../support/units-and-procedures.js'

/*
 * The API after 1/7/2025: An Thanh has ended, its successor is the new commune Tân Kỳ. A dossier
 * for An Thanh received after 30/6/2025 is refused naming Tân Kỳ; Tân Kỳ's officer, who took An
 * Thanh's records over, may still enter a paper dossier An Thanh received on its last day; the
 * tree of a day lists the units of that day.
 */
let handle: DatabaseHandle
let app: FastifyInstance
let tanKyOfficer: SignedIn

beforeAll(async () => {
  ;({ handle, app } = await startApiServer())
  await saveUnitsAndProcedures(
    handle,
    [
      { code: 'HP', name: 'Thành phố Hải Phòng', kind: 'province', parentCode: null },
      { code: 'HP.TK', name: 'Xã Tân Kỳ', kind: 'commune', parentCode: 'HP', validFrom: '2025-07-01' },
      { code: 'HD.AT', name: 'Xã An Thanh', kind: 'commune', parentCode: 'HP', validTo: '2025-06-30', successorCode: 'HP.TK' },
    ],
    [{ code: '2.000815', name: 'Chứng thực bản sao từ bản chính', field: 'Chứng thực', level: 'commune', onlineLevel: 'partial', processingDays: 0, feeVnd: 2_000 }],
  )
  tanKyOfficer = await signIn(app, handle, 'officer', 'HP.TK')
})
afterAll(async () => stopApiServer({ handle, app }))

const dossier = (unit: string, receivedAt: string) => ({
  unit, procedure_code: '2.000815', applicant: { name: 'Nguyễn Thị Lan' }, channel: 'direct', received_components: [], received_at: receivedAt,
})

describe('the desk API after the merger of 1/7/2025', () => {
  it('refuses a dossier for the ended commune after 30/6/2025, naming its successor', async () => {
    const response = await tanKyOfficer.inject({ method: 'POST', url: '/api/v1/dossiers', payload: dossier('HD.AT', '2025-07-02T09:00:00+07:00') })
    expect(response.statusCode).toBe(400)
    expect(response.json().message).toContain('HP.TK (Xã Tân Kỳ)')
    expect(await handle.db.selectFrom('dossiers').select('id').execute()).toEqual([])
  })

  it('the successor’s officer enters what the ended commune received on its last day, and receives for today’s commune', async () => {
    const lastDay = await tanKyOfficer.inject({ method: 'POST', url: '/api/v1/dossiers', payload: dossier('HD.AT', '2025-06-30T15:00:00+07:00') })
    expect(lastDay.statusCode).toBe(200)
    const today = await tanKyOfficer.inject({ method: 'POST', url: '/api/v1/dossiers', payload: dossier('HP.TK', '2025-07-01T08:00:00+07:00') })
    expect(today.statusCode).toBe(200)
  })

  it('takes the deciding unit, which must exist that day, and answers the figures by the decider', async () => {
    const ended = await tanKyOfficer.inject({ method: 'POST', url: '/api/v1/dossiers', payload: { ...dossier('HP.TK', '2025-07-03T09:00:00+07:00'), deciding_unit: 'HD.AT' } })
    expect(ended.statusCode).toBe(400)
    expect(ended.json().message).toContain('Đơn vị giải quyết không hợp lệ')
    const atProvince = await tanKyOfficer.inject({ method: 'POST', url: '/api/v1/dossiers', payload: { ...dossier('HP.TK', '2025-07-03T09:00:00+07:00'), deciding_unit: 'HP' } })
    expect(atProvince.statusCode).toBe(200)
    const decider = await tanKyOfficer.inject('/api/v1/indicators?unit=HP.TK&from=2025-07-01&to=2025-07-31&by=decider')
    expect(decider.statusCode).toBe(200)
    const receiver = await tanKyOfficer.inject('/api/v1/indicators?unit=HP.TK&from=2025-07-01&to=2025-07-31')
    const received = (answer: typeof decider) => (answer.json() as { rows: { indicators: { received: { value: number } } }[] }).rows[0]!.indicators.received.value
    // Reception counts at the receiver either way.
    expect(received(decider)).toBe(received(receiver))
    // The trend series asked the same way: its month is the table's month, by the decider too.
    const series = await tanKyOfficer.inject('/api/v1/indicators/series?unit=HP.TK&from=2025-07-01&to=2025-07-31&granularity=month&by=decider')
    expect(series.statusCode).toBe(200)
    const values = (indicators: Record<string, { value: number | null }>) => Object.fromEntries(Object.entries(indicators).map(([id, figure]) => [id, figure.value]))
    expect(series.json().points.map((p: { indicators: Record<string, { value: number | null }> }) => values(p.indicators))).toEqual([values(decider.json().rows[0].indicators)])
  })

  it('lists the tree of a day', async () => {
    const codes = async (day: string) => ((await tanKyOfficer.inject(`/api/v1/units?as_of=${day}`)).json() as { code: string }[]).map((u) => u.code)
    expect(await codes('2025-06-30')).toEqual(['HD.AT'])
    expect(await codes('2025-07-01')).toEqual(['HP.TK'])
  })
})
