import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { verifyAuditChain } from '../../src/modules/audit/verify-audit-chain.js'
import { saveProcedures } from '../../src/modules/procedures/save-procedures.js'
import { importUnits } from '../../src/modules/units/import-units.js'
import { tempDir, UNITS_CSV, writeCsv } from '../support/files.js'
import { startApiServer, stopApiServer } from '../support/api-server.js'
import { signIn, type SignedIn } from '../support/sign-in.js'

let handle: DatabaseHandle
let app: FastifyInstance
let anThanhOfficer: SignedIn
let quangTrungOfficer: SignedIn
let districtLeader: SignedIn

beforeAll(async () => {
  ;({ handle, app } = await startApiServer({ filesDir: tempDir() }))
  const dir = tempDir()
  await importUnits(handle, writeCsv(dir, 'units.csv', UNITS_CSV), { skipInvalid: false, ignoreUnknown: false })
  await handle.db.transaction().execute((trx) =>
    saveProcedures(trx, [{ code: '1.001193', name: 'Thủ tục đăng ký khai sinh', field: 'Hộ tịch', level: 'commune', onlineLevel: 'full', processingDays: 0, feeVnd: 0, components: [{ name: 'Tờ khai đăng ký khai sinh', required: true }] }]),
  )
  anThanhOfficer = await signIn(app, handle, 'officer', 'H23.07.01')
  quangTrungOfficer = await signIn(app, handle, 'officer', 'H23.07.02')
  districtLeader = await signIn(app, handle, 'leader', 'H23.07')
})
afterAll(async () => {
  await stopApiServer({ handle, app })
})

const post = (user: SignedIn, url: string, payload: object) => user.inject({ method: 'POST', url, payload })
let feedbackId: string

describe('feedback through the API (/api/v1/feedback)', () => {
  it('an officer of An Thanh receives a feedback received on Friday 29/4/2022; it gets a code and an audit row', async () => {
    const response = await post(anThanhOfficer, '/api/v1/feedback', {
      unit: 'H23.07.01', received_at: '2022-04-29T10:00:00+07:00', channel: 'phone', summary: 'Cán bộ hẹn trả kết quả nhiều lần', procedure_code: '1.001193', late_entry_reason: 'Sổ tiếp nhận giấy, nhập bù',
    })
    expect(response.statusCode).toBe(200)
    const item = response.json()
    expect(item).toMatchObject({ code: 'H23.07.01-PA-220429-001', unit_code: 'H23.07.01', channel: 'phone', classification: null, handled_at: null })
    expect(item.allowed_steps).toEqual(['classify', 'reject', 'request_supplement', 'handle'])
    feedbackId = item.id
    const audit = await handle.db.selectFrom('audit_log').select(['action', 'entity_id']).where('action', '=', 'feedback.receive').execute()
    expect(audit).toEqual([{ action: 'feedback.receive', entity_id: feedbackId }])
  })

  it('is classified, handled on Tuesday 24/5 and made public on Thursday 26/5 (entered late, confirmed by the district leader): on time', async () => {
    const late = { late_entry_reason: 'Sổ theo dõi giấy, nhập bù' }
    expect((await post(anThanhOfficer, `/api/v1/feedback/${feedbackId}/steps`, { type: 'classify', classification: 'official', at: '2022-05-04T09:00:00+07:00', ...late })).statusCode).toBe(200)
    expect((await post(anThanhOfficer, `/api/v1/feedback/${feedbackId}/steps`, { type: 'handle', at: '2022-05-24T10:00:00+07:00', ...late })).statusCode).toBe(200)
    const entered = (await post(anThanhOfficer, `/api/v1/feedback/${feedbackId}/steps`, { type: 'publish', at: '2022-05-26T09:00:00+07:00', ...late })).json()
    for (const entry of entered.late_entries.filter((e: { field: string }) => e.field === 'handled_at' || e.field === 'published_at')) {
      expect((await post(districtLeader, `/api/v1/feedback/${feedbackId}/late-entries/${entry.id}/confirmation`, {})).statusCode).toBe(200)
    }
    const published = await anThanhOfficer.inject(`/api/v1/feedback/${feedbackId}`)
    expect(published.json()).toMatchObject({ classification: 'official', deadline: { on_time: true, reason: 'published_on_time' } })
    expect(published.json().allowed_steps).toEqual(['classify', 'record_reaction'])
    const reacted = await post(anThanhOfficer, `/api/v1/feedback/${feedbackId}/steps`, { type: 'record_reaction', reaction: 'satisfied' })
    expect(reacted.json()).toMatchObject({ reaction: 'satisfied' })
    const actions = await handle.db.selectFrom('audit_log').select('action').where('entity', '=', 'feedback').orderBy('id').execute()
    expect(actions.map((a) => a.action)).toEqual(['feedback.receive', 'feedback.classify', 'feedback.handle', 'feedback.publish', 'feedback.confirm_late_entry', 'feedback.confirm_late_entry', 'feedback.record_reaction'])
    expect((await verifyAuditChain(handle.db)).ok).toBe(true)
  })

  it('a step out of order is refused with a Vietnamese reason (409), and nothing changes', async () => {
    const response = await post(anThanhOfficer, `/api/v1/feedback/${feedbackId}/steps`, { type: 'reject' })
    expect(response.statusCode).toBe(409)
    expect(response.json().message).toBe('Phản ánh đã được xử lý xong, không thể từ chối')
  })

  it('lists the items of the unit and its subtree: the district leader sees An Thanh\u2019s', async () => {
    const mine = await anThanhOfficer.inject('/api/v1/feedback?unit=H23.07.01')
    expect(mine.json()).toMatchObject({ total: 1, items: [{ id: feedbackId }] })
    const district = await districtLeader.inject('/api/v1/feedback?unit=H23.07&from=2022-04-01&to=2022-04-30')
    expect(district.json().total).toBe(1)
    const may = await districtLeader.inject('/api/v1/feedback?unit=H23.07&from=2022-05-01&to=2022-05-31')
    expect(may.json().total).toBe(0)
  })

  it("another commune's officer is refused An Thanh: its list, one item, a step and a new item (404, nothing leaks)", async () => {
    expect((await quangTrungOfficer.inject('/api/v1/feedback?unit=H23.07.01')).statusCode).toBe(404)
    expect((await quangTrungOfficer.inject(`/api/v1/feedback/${feedbackId}`)).statusCode).toBe(404)
    const step = await post(quangTrungOfficer, `/api/v1/feedback/${feedbackId}/steps`, { type: 'record_reaction', reaction: 'unsatisfied' })
    expect(step.statusCode).toBe(404)
    const created = await post(quangTrungOfficer, '/api/v1/feedback', { unit: 'H23.07.01', channel: 'online', summary: 'Thử' })
    expect(created.statusCode).toBe(404)
    const row = await handle.db.selectFrom('feedback').select('reaction').where('id', '=', feedbackId).executeTakeFirstOrThrow()
    expect(row.reaction).toBe('satisfied')
    expect(await handle.db.selectFrom('feedback').select('id').execute()).toHaveLength(1)
  })

  it('a request without a session is refused (401); a bad channel is a 400 in Vietnamese', async () => {
    expect((await app.inject('/api/v1/feedback?unit=H23.07.01')).statusCode).toBe(401)
    const bad = await post(anThanhOfficer, '/api/v1/feedback', { unit: 'H23.07.01', channel: 'fax', summary: 'Thử' })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().message).toMatch(/^Dữ liệu gửi lên không hợp lệ: channel/)
  })
})

describe('the desk receipt carries the Decision 766 flags it knows', () => {
  it('VNeID used and data reused are stored; what is not said stays unknown (null)', async () => {
    const response = await post(anThanhOfficer, '/api/v1/dossiers', {
      unit: 'H23.07.01', procedure_code: '1.001193', applicant: { name: 'Trần Văn Bình' }, channel: 'online', received_components: [1],
      received_at: '2022-05-04T08:30:00+07:00', population_data_used: true, reused_data: true, synced_national: null,
    })
    expect(response.statusCode).toBe(200)
    const row = await handle.db
      .selectFrom('dossiers')
      .select(['synced_national', 'reused_data', 'linked_data_store', 'population_data_used', 'result_on_paper', 'e_result_issued'])
      .where('code', '=', response.json().code)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ synced_national: null, reused_data: true, linked_data_store: null, population_data_used: true, result_on_paper: null, e_result_issued: null })
  })
})
