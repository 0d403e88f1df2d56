import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { DatabaseHandle } from '../../../db/open-database.js'
import { computeDueAt } from '../../../domain/calendar/deadline.js'
import { hasOfficialDays } from '../../../domain/calendar/vietnam-official-days.js'
import { isLocalDate } from '../../../domain/time/local-date.js'
import { AppError, ErrorCode } from '../../../domain/shared/app-error.js'
import { editCalendar, yearOrigin } from '../../../modules/calendar/edit-calendar.js'
import { loadCalendarDays, loadWorkingCalendar } from '../../../modules/calendar/load-working-calendar.js'
import { actorOf } from '../../plugins/authentication.js'
import { ErrorBody, LocalDateParam, PlainText } from '../../schemas.js'

const Day = z.object({ date: z.string(), kind: z.enum(['holiday', 'workday']), name: z.string(), source: z.string() })
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody }

function realDate(date: string): string {
  if (!isLocalDate(date)) throw new AppError(ErrorCode.validation, `bad date ${date}`, `Ngày không hợp lệ: ${date}`)
  return date
}

/** /api/v1/calendar: the working-day calendar in force, and an administrator's edits to it. */
export function registerCalendarRoutes(app: FastifyInstance, handle: DatabaseHandle): void {
  const api = app.withTypeProvider<ZodTypeProvider>()

  api.get('/api/v1/calendar', {
    config: { access: { permission: 'indicators:read' } },
    schema: {
      summary: 'Ngày nghỉ lễ, ngày làm bù của một năm và nguồn văn bản',
      tags: ['Lịch làm việc'],
      querystring: z.object({ year: z.coerce.number().int().min(1900).max(2200) }),
      response: { 200: z.object({ year: z.number(), origin: z.enum(['edited', 'official', 'computed']), days: z.array(Day) }), ...errors },
    },
    handler: async (request) => {
      const days = [...(await loadCalendarDays(handle.db))(request.query.year)].sort((a, b) => a.date.localeCompare(b.date))
      return { year: request.query.year, origin: await yearOrigin(handle.db, request.query.year, hasOfficialDays), days }
    },
  })

  api.get('/api/v1/calendar/due', {
    config: { access: { permission: 'indicators:read' } },
    schema: {
      summary: 'Ngày hẹn trả kết quả theo lịch làm việc',
      tags: ['Lịch làm việc'],
      querystring: z.object({ received_at: z.string().datetime({ offset: true }), days: z.coerce.number().min(0).max(365), cutoff: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).optional() }),
      response: { 200: z.object({ due_at: z.date() }), ...errors },
    },
    handler: async (request) => {
      const calendar = await loadWorkingCalendar(handle.db)
      const q = request.query
      return { due_at: computeDueAt(calendar, { receivedAt: new Date(q.received_at), processingDays: q.days, ...(q.cutoff ? { cutoff: q.cutoff } : {}) }) }
    },
  })

  api.put('/api/v1/calendar/days/:date', {
    config: { access: { permission: 'calendar:write' } },
    schema: {
      summary: 'Đặt một ngày là ngày nghỉ hoặc ngày làm bù',
      tags: ['Lịch làm việc'],
      params: z.object({ date: LocalDateParam }),
      body: z.object({ kind: z.enum(['holiday', 'workday']), name: PlainText(200), source: PlainText(300) }),
      response: { 200: z.object({ ok: z.boolean() }), ...errors },
    },
    handler: async (request) => {
      const date = realDate(request.params.date)
      await editCalendar(handle.db, { action: 'set', date, ...request.body }, actorOf(request).label)
      return { ok: true }
    },
  })

  api.delete('/api/v1/calendar/days/:date', {
    config: { access: { permission: 'calendar:write' } },
    schema: { summary: 'Bỏ một ngày khỏi lịch', tags: ['Lịch làm việc'], params: z.object({ date: LocalDateParam }), response: { 200: z.object({ ok: z.boolean() }), ...errors } },
    handler: async (request) => {
      await editCalendar(handle.db, { action: 'remove', date: realDate(request.params.date) }, actorOf(request).label)
      return { ok: true }
    },
  })
}
