import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { addDays, dayOfWeek } from '../../src/domain/time/local-date.js'
import { toVietnamDate, vietnamDateTime } from '../../src/domain/time/vietnam-time.js'
import { loadWorkingCalendar } from '../../src/modules/calendar/load-working-calendar.js'
import { ensureOccurrences } from '../../src/modules/directives/ensure-occurrences.js'
import { importUnits } from '../../src/modules/units/import-units.js'
import { startApiServer, stopApiServer } from '../support/api-server.js'
import { tempDir, UNITS_CSV, writeCsv } from '../support/files.js'
import { signIn, type SignedIn } from '../support/sign-in.js'

// Views "as of" a date never make task periods beyond the server's own today (review M2).
let handle: DatabaseHandle
let app: FastifyInstance
let district: SignedIn
let anThanh: SignedIn
let directiveId: number
// The server's today: what a view of a later day is compared with.
const today = toVietnamDate(new Date())

type Item = { id: number; title: string; unit_code: string; due_on: string; period: string; projected: boolean; allowed_steps: string[] }
const stored = async () => Number((await handle.db.selectFrom('task_occurrences').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)

beforeAll(async () => {
  ;({ handle, app } = await startApiServer())
  await importUnits(handle, writeCsv(tempDir(), 'units.csv', [...UNITS_CSV, 'H23.07.03,Xã Dân Chủ,commune,H23.07']), { skipInvalid: false, ignoreUnknown: false })
  district = await signIn(app, handle, 'monitor', 'H23.07')
  anThanh = await signIn(app, handle, 'officer', 'H23.07.01')
  // The district asks its communes for a summary every Friday, from a month ago, with no end.
  const recorded = await district.inject({
    method: 'POST', url: '/api/v1/directives',
    payload: {
      unit: 'H23.07', direction: 'outgoing', number: '77/UBND-VP', issued_on: addDays(today, -30), issuer: 'UBND huyện Tứ Kỳ', subject: 'V/v báo cáo tình hình giải quyết TTHC hằng tuần',
      tasks: [{ title: 'Báo cáo tình hình giải quyết TTHC trong tuần', assignees: ['H23.07.01', 'H23.07.02', 'H23.07.03'], monitor: 'H23.07', recurrence: 'weekly:5' }],
    },
  })
  expect(recorded.statusCode).toBe(200)
  directiveId = recorded.json().id
})
afterAll(() => stopApiServer({ handle, app }))

describe('the task periods a view as of a date shows, and what it stores', () => {
  it('a commune looking at its tasks half a year ahead sees the weekly periods computed, and the server stores none of them', async () => {
    const before = await stored()
    const later = addDays(today, 180)
    const response = await anThanh.inject(`/api/v1/tasks?unit=H23.07.01&on=${later}`)
    expect(response.statusCode).toBe(200)
    expect(await stored()).toBe(before)
    const items = response.json().items as Item[]
    const ahead = items.filter((i) => i.due_on > addDays(today, 14))
    expect(ahead.length).toBeGreaterThan(20)
    expect(ahead.every((i) => i.projected && i.id === 0 && i.allowed_steps.length === 0 && i.unit_code === 'H23.07.01')).toBe(true)
    expect(new Set(items.map((i) => i.period)).size).toBe(items.length)
    expect(items.every((i) => i.due_on <= addDays(later, 14))).toBe(true)
    // What is stored is still what the server owes by its own clock, and it is listed as stored.
    expect(items.filter((i) => i.due_on <= addDays(today, 14)).every((i) => !i.projected && i.id > 0)).toBe(true)
  })

  it('a directive, a report and a letter as of a later day store nothing either', async () => {
    const before = await stored()
    const later = addDays(today, 300)
    expect((await district.inject(`/api/v1/directives/${directiveId}?on=${later}`)).statusCode).toBe(200)
    const monthStart = `${later.slice(0, 8)}01`
    const monthEnd = addDays(`${addDays(monthStart, 40).slice(0, 8)}01`, -1)
    const monday = addDays(later, -((dayOfWeek(later) + 6) % 7))
    const periods = { letter: [monthStart, later], weekly: [monday, addDays(monday, 6)], monthly: [monthStart, monthEnd] }
    for (const [kind, [from, to]] of Object.entries(periods)) {
      const response = await district.inject(`/api/v1/reports/${kind}?unit=H23.07&from=${from}&to=${to}&date=${later}`)
      expect(response.statusCode, response.body.slice(0, 300)).toBe(200)
    }
    expect(await stored()).toBe(before)
  })

  it('a date decades ahead, one that does not exist, or reminders for a later day are refused, naming the field', async () => {
    const before = await stored()
    const far = await anThanh.inject('/api/v1/tasks?unit=H23.07.01&on=2046-01-01')
    expect(far.statusCode).toBe(400)
    expect(far.json().message).toContain('Ngày xét (on)')
    expect((await anThanh.inject('/api/v1/tasks?unit=H23.07.01&on=9999-12-31')).statusCode).toBe(400)
    expect((await anThanh.inject('/api/v1/tasks?unit=H23.07.01&on=2026-02-30')).statusCode).toBe(400)
    expect((await anThanh.inject('/api/v1/tasks?unit=H23.07.01&on=1999-12-31')).statusCode).toBe(400)
    expect((await district.inject(`/api/v1/directives/${directiveId}?on=2200-01-01`)).statusCode).toBe(400)
    const letter = await district.inject('/api/v1/reports/letter?unit=H23.07&from=2046-01-01&to=2046-01-31&date=2046-02-01')
    expect(letter.statusCode).toBe(400)
    expect(letter.json().message).toContain('Ngày của văn bản (date)')
    const reminders = await district.inject({ method: 'POST', url: '/api/v1/tasks/reminders', payload: { unit: 'H23.07', on: addDays(today, 7) } })
    expect(reminders.statusCode).toBe(400)
    expect(reminders.json().message).toContain('Ngày xét (on)')
    expect(await stored()).toBe(before)
  })

  it('the periods the server makes by its own clock are written by the system, with an audit row', async () => {
    const rows = await handle.db.selectFrom('audit_log').select(['actor', 'summary']).where('action', '=', 'task.occurrences').execute()
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.every((r) => r.actor === 'system')).toBe(true)
    const last = await handle.db.selectFrom('task_occurrences').select((eb) => eb.fn.max('due_on').as('last')).executeTakeFirstOrThrow()
    expect(String(last.last) <= addDays(today, 14)).toBe(true)
  })

  it('periods stored earlier beyond the horizon (by a far date, before this rule) are shown once, not computed again', async () => {
    await ensureOccurrences(handle.db, await loadWorkingCalendar(handle.db), vietnamDateTime(addDays(today, 60), '12:00'), directiveId)
    const items = (await anThanh.inject(`/api/v1/tasks?unit=H23.07.01&on=${addDays(today, 120)}`)).json().items as Item[]
    expect(new Set(items.map((i) => i.period)).size).toBe(items.length)
    expect(items.some((i) => i.projected)).toBe(true)
  })
})
