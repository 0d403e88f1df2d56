import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { addDays } from '../../src/domain/time/local-date.js'
import { toVietnamDate } from '../../src/domain/time/vietnam-time.js'
import { importUnits } from '../../src/modules/units/import-units.js'
import { startApiServer, stopApiServer } from '../support/api-server.js'
import { tempDir, UNITS_CSV, writeCsv } from '../support/files.js'
import { signIn, type SignedIn } from '../support/sign-in.js'

// Nhập bù (review M3): a unit dating its own step weeks back does not make itself on time.
let handle: DatabaseHandle
let app: FastifyInstance
let district: SignedIn
let districtLeader: SignedIn
let districtOfficer: SignedIn
let anThanh: SignedIn
let anThanhLeader: SignedIn
const today = toVietnamDate(new Date())
const at = (date: string, time = '09:00') => `${date}T${time}:00+07:00`
const post = (user: SignedIn, url: string, payload: object) => user.inject({ method: 'POST', url, payload })
let occurrenceId: number

beforeAll(async () => {
  ;({ handle, app } = await startApiServer())
  await importUnits(handle, writeCsv(tempDir(), 'units.csv', UNITS_CSV), { skipInvalid: false, ignoreUnknown: false })
  district = await signIn(app, handle, 'monitor', 'H23.07')
  districtLeader = await signIn(app, handle, 'leader', 'H23.07')
  districtOfficer = await signIn(app, handle, 'officer', 'H23.07')
  anThanh = await signIn(app, handle, 'officer', 'H23.07.01')
  anThanhLeader = await signIn(app, handle, 'leader', 'H23.07.01')
  // The district asked An Thanh for a report due ten days ago; nothing came in time.
  const recorded = await post(district, '/api/v1/directives', {
    unit: 'H23.07', direction: 'outgoing', number: '88/UBND-VP', issued_on: addDays(today, -20), issuer: 'UBND huyện Tứ Kỳ', subject: 'V/v báo cáo rà soát hồ sơ trễ hạn',
    tasks: [{ title: 'Báo cáo rà soát hồ sơ trễ hạn', assignees: ['H23.07.01'], monitor: 'H23.07', recurrence: 'once', due_on: addDays(today, -10) }],
  })
  expect(recorded.statusCode).toBe(200)
  occurrenceId = recorded.json().tasks[0].id
})
afterAll(() => stopApiServer({ handle, app }))

describe('a task report entered late (nhập bù)', () => {
  const claimed = () => at(addDays(today, -11))

  it('dated before the previous working day without a reason is refused, naming the reason, and nothing is stored', async () => {
    const response = await post(anThanh, `/api/v1/tasks/${occurrenceId}/submissions`, { note: 'Báo cáo rà soát', submitted_at: claimed() })
    expect(response.statusCode).toBe(400)
    expect(response.json().message).toContain('lý do nhập bù')
    expect(response.json().details[0].column).toBe('late_entry_reason')
    expect(await handle.db.selectFrom('task_submissions').select('id').execute()).toHaveLength(0)
  })

  it('with a reason it is recorded, flagged, and judged by when it was entered: late', async () => {
    const response = await post(anThanh, `/api/v1/tasks/${occurrenceId}/submissions`, { note: 'Báo cáo rà soát', submitted_at: claimed(), late_entry_reason: 'Báo cáo giấy gửi qua bưu điện' })
    expect(response.statusCode).toBe(200)
    const item = response.json()
    expect(item.timeliness).toBe('late')
    expect(item.submissions[0].late_entry).toMatchObject({ field: 'submitted_at', reason: 'Báo cáo giấy gửi qua bưu điện', counts_from: 'recorded_at', confirmed_by: null })
    expect(new Date(item.submissions[0].late_entry.claimed_at).getTime()).toBe(new Date(claimed()).getTime())
    expect(toVietnamDate(new Date(item.submissions[0].submitted_at))).toBe(today)
  })

  it('the unit that entered it cannot confirm it; the monitor does, and the report counts from the claimed day: on time', async () => {
    expect((await post(anThanhLeader, `/api/v1/tasks/${occurrenceId}/review`, { verdict: 'accept', confirm_late_entry: true })).statusCode).toBe(403)
    const accepted = await post(district, `/api/v1/tasks/${occurrenceId}/review`, { verdict: 'accept', confirm_late_entry: true })
    expect(accepted.statusCode).toBe(200)
    expect(accepted.json()).toMatchObject({ state: 'accepted', timeliness: 'on_time', delivered_on: addDays(today, -11) })
    expect(accepted.json().submissions[0].late_entry).toMatchObject({ counts_from: 'claimed_at', confirmed_by: expect.stringContaining('monitor') })
    const audit = await handle.db.selectFrom('audit_log').select('summary').where('action', '=', 'task.accept').executeTakeFirstOrThrow()
    expect(JSON.stringify(audit.summary)).toContain('late_entry_confirmed')
  })

  it('a report typed in within a day of receiving it needs no reason and is not flagged', async () => {
    const more = await post(district, '/api/v1/directives', {
      unit: 'H23.07', direction: 'outgoing', number: '89/UBND-VP', issued_on: addDays(today, -5), issuer: 'UBND huyện Tứ Kỳ', subject: 'V/v báo cáo nhanh',
      tasks: [{ title: 'Báo cáo nhanh', assignees: ['H23.07.01'], monitor: 'H23.07', recurrence: 'once', due_on: addDays(today, 5) }],
    })
    const id = more.json().tasks[0].id
    const response = await post(anThanh, `/api/v1/tasks/${id}/submissions`, { note: 'Báo cáo nhanh', submitted_at: new Date(Date.now() - 60_000).toISOString() })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ timeliness: 'on_time', submissions: [{ late_entry: null }] })
  })
})

describe('a feedback item handled and published on paper, entered weeks later', () => {
  let id: string
  const received = addDays(today, -40)

  it('its receipt dated weeks back needs a reason, and is flagged but kept as claimed (an earlier receipt only brings the deadline nearer)', async () => {
    const payload = { unit: 'H23.07.01', received_at: at(received), channel: 'phone', summary: 'Hẹn trả kết quả nhiều lần' }
    expect((await post(anThanh, '/api/v1/feedback', payload)).statusCode).toBe(400)
    const response = await post(anThanh, '/api/v1/feedback', { ...payload, late_entry_reason: 'Sổ tiếp nhận giấy' })
    expect(response.statusCode).toBe(200)
    id = response.json().id
    expect(response.json().late_entries).toMatchObject([{ field: 'received_at', counts_from: 'claimed_at', reason: 'Sổ tiếp nhận giấy' }])
    expect(response.json().deadline).toMatchObject({ on_time: false, reason: 'open_overdue' })
  })

  it('a handling and publication dated the next days count from when they were entered: handled late', async () => {
    expect((await post(anThanh, `/api/v1/feedback/${id}/steps`, { type: 'handle', at: at(addDays(received, 1)) })).statusCode).toBe(400)
    const late = { late_entry_reason: 'Biên bản giấy, nhập bù' }
    expect((await post(anThanh, `/api/v1/feedback/${id}/steps`, { type: 'handle', at: at(addDays(received, 1)), ...late })).statusCode).toBe(200)
    const published = await post(anThanh, `/api/v1/feedback/${id}/steps`, { type: 'publish', at: at(addDays(received, 2)), ...late })
    expect(published.statusCode).toBe(200)
    expect(published.json().deadline).toMatchObject({ on_time: false, reason: 'handled_late' })
    expect(published.json().late_entries.map((e: { field: string; counts_from: string }) => `${e.field}:${e.counts_from}`)).toEqual(['received_at:claimed_at', 'handled_at:recorded_at', 'published_at:recorded_at'])
  })

  it('neither the commune’s own leader nor a district officer can confirm; the district leader confirms both and the item is on time', async () => {
    const entries = (await anThanh.inject(`/api/v1/feedback/${id}`)).json().late_entries.filter((e: { field: string }) => e.field !== 'received_at') as { id: string }[]
    const confirm = (user: SignedIn, entry: string) => post(user, `/api/v1/feedback/${id}/late-entries/${entry}/confirmation`, {})
    expect((await confirm(anThanhLeader, entries[0]!.id)).statusCode).toBe(403)
    expect((await confirm(districtOfficer, entries[0]!.id)).statusCode).toBe(403)
    for (const entry of entries) expect((await confirm(districtLeader, entry.id)).statusCode).toBe(200)
    const item = (await anThanh.inject(`/api/v1/feedback/${id}`)).json()
    expect(item.deadline).toMatchObject({ on_time: true, reason: 'published_on_time' })
    expect(item.late_entries.every((e: { counts_from: string; confirmed_by: string | null }) => e.counts_from === 'claimed_at')).toBe(true)
    expect((await confirm(districtLeader, entries[0]!.id)).statusCode).toBe(409)
    const audit = await handle.db.selectFrom('audit_log').select('actor').where('action', '=', 'feedback.confirm_late_entry').execute()
    expect(audit).toHaveLength(2)
  })
})
