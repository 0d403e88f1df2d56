import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { FeedbackItem, FeedbackPage } from '../../../contracts/feedback.js'
import type { DatabaseHandle } from '../../../db/open-database.js'
import type { WorkingCalendar } from '../../../domain/calendar/working-calendar.js'
import { judgeFeedback } from '../../../domain/feedback/feedback-deadlines.js'
import { FEEDBACK_CHANNELS, FEEDBACK_CLASSIFICATIONS, FEEDBACK_REACTIONS, type FeedbackChannel, type FeedbackClassification } from '../../../domain/feedback/feedback.js'
import { allowedFeedbackSteps, type FeedbackStep } from '../../../domain/feedback/feedback-steps.js'
import { addDays } from '../../../domain/time/local-date.js'
import { startOfVietnamDay } from '../../../domain/time/vietnam-time.js'
import { loadWorkingCalendar } from '../../../modules/calendar/load-working-calendar.js'
import { feedbackStateOf } from '../../../modules/feedback/feedback-row.js'
import { getVisibleFeedback, listFeedback, type FeedbackWithUnit } from '../../../modules/feedback/feedback.repository.js'
import { recordFeedback } from '../../../modules/feedback/record-feedback.js'
import { recordFeedbackStep } from '../../../modules/feedback/record-feedback-step.js'
import { confirmFeedbackLateEntry } from '../../../modules/feedback/confirm-feedback-late-entry.js'
import { lateEntriesOf, type LateEntryRow } from '../../../modules/late-entries/late-entries.repository.js'
import { presentLateEntry } from './late-entry.present.js'
import { actorOf } from '../../plugins/authentication.js'
import { visibleUnit } from '../../visible-unit.js'
import { Code, ErrorBody, LocalDateParam, PlainText, ProcedureCode, UnitCode } from '../../schemas.js'
import { subtreeOf } from '../../../modules/units/units.repository.js'

const Instant = z.iso.datetime({ offset: true })
const FeedbackId = z.string().regex(/^\d{1,18}$/, 'Số phản ánh không hợp lệ')


const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }
const read = { access: { permission: 'dossiers:read' as const } }
const write = { access: { permission: 'dossiers:write' as const } }

const LateEntryReason = PlainText(1000).optional().describe('Lý do nhập bù: bắt buộc khi thời điểm trước ngày làm việc liền trước hôm nay')
const Step = z.discriminatedUnion('type', [
  z.object({ type: z.literal('classify'), classification: z.enum(FEEDBACK_CLASSIFICATIONS as [string, ...string[]]), at: Instant.optional(), late_entry_reason: LateEntryReason }),
  z.object({ type: z.enum(['reject', 'request_supplement', 'handle', 'publish']), at: Instant.optional(), late_entry_reason: LateEntryReason }),
  z.object({ type: z.literal('record_reaction'), reaction: z.enum(FEEDBACK_REACTIONS as [string, ...string[]]), at: Instant.optional(), late_entry_reason: LateEntryReason }),
])
type StepBody = z.infer<typeof Step>

function stepOf(body: StepBody, now: Date): FeedbackStep {
  const at = body.at ? new Date(body.at) : now
  if (body.type === 'classify') return { type: 'classify', at, classification: body.classification as FeedbackClassification }
  if (body.type === 'record_reaction') return { type: 'record_reaction', at, reaction: body.reaction as (typeof FEEDBACK_REACTIONS)[number] }
  return { type: body.type, at }
}

function present(row: FeedbackWithUnit, calendar: WorkingCalendar, now: Date, late: readonly LateEntryRow[]): z.infer<typeof FeedbackItem> {
  const state = feedbackStateOf(row)
  const verdict = judgeFeedback(calendar, state, now)
  return {
    id: String(row.id), code: row.code, unit_code: row.unit_code, unit_name: row.unit_name, received_at: row.received_at, channel: row.channel, summary: row.summary,
    procedure_code: row.procedure_code, dossier_code: row.dossier_code, classification: row.classification, classified_at: row.classified_at,
    rejected_at: row.rejected_at, supplement_requested_at: row.supplement_requested_at, handled_at: row.handled_at, published_at: row.published_at,
    reaction: row.reaction, repeated: row.repeated, late_entries: late.map(presentLateEntry),
    deadline: { on_time: verdict.onTime, reason: verdict.reason, explanation: verdict.explanation },
    allowed_steps: allowedFeedbackSteps(state, now),
  }
}

/** /api/v1/feedback: feedback and complaints (phản ánh, kiến nghị), scoped to the actor's units. */
export function registerFeedbackRoutes(app: FastifyInstance, handle: DatabaseHandle): void {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const db = handle.db
  const who = (request: FastifyRequest) => ({ actor: actorOf(request).label, ip: request.ip })
  const itemOf = async (request: FastifyRequest, id: string) => {
    const row = await getVisibleFeedback(db, id, actorOf(request).unitIds)
    const now = new Date()
    const late = await lateEntriesOf(db, 'feedback', [row.id])
    return present(row, await loadWorkingCalendar(db), now, late.get(String(row.id)) ?? [])
  }

  api.get('/api/v1/feedback', {
    config: read,
    schema: {
      summary: 'Phản ánh, kiến nghị của đơn vị và các đơn vị cấp dưới, mới nhất trước',
      tags: ['Phản ánh, kiến nghị'],
      querystring: z.object({
        unit: UnitCode,
        from: LocalDateParam.optional().describe('Tiếp nhận từ ngày (giờ Việt Nam)'),
        to: LocalDateParam.optional().describe('Tiếp nhận đến hết ngày'),
        page: z.coerce.number().int().min(1).max(100_000).default(1),
        page_size: z.coerce.number().int().min(1).max(100).default(20),
      }),
      response: { 200: FeedbackPage, ...errors },
    },
    handler: async (request) => {
      const q = request.query
      const unit = await visibleUnit(db, request, q.unit)
      const unitIds = [...(await subtreeOf(db, unit.id))]
      const { total, items } = await listFeedback(db, {
        unitIds, page: q.page, pageSize: q.page_size,
        ...(q.from ? { from: startOfVietnamDay(q.from) } : {}),
        ...(q.to ? { to: startOfVietnamDay(addDays(q.to, 1)) } : {}),
      })
      const calendar = await loadWorkingCalendar(db)
      const now = new Date()
      const late = await lateEntriesOf(db, 'feedback', items.map((row) => row.id))
      return { total, page: q.page, page_size: q.page_size, items: items.map((row) => present(row, calendar, now, late.get(String(row.id)) ?? [])) }
    },
  })

  api.get('/api/v1/feedback/:id', {
    config: read,
    schema: { summary: 'Một phản ánh, kiến nghị', tags: ['Phản ánh, kiến nghị'], params: z.object({ id: FeedbackId }), response: { 200: FeedbackItem, ...errors } },
    handler: async (request) => itemOf(request, request.params.id),
  })

  api.post('/api/v1/feedback', {
    config: write,
    schema: {
      summary: 'Tiếp nhận phản ánh, kiến nghị',
      tags: ['Phản ánh, kiến nghị'],
      body: z.object({
        unit: UnitCode.describe('Đơn vị tiếp nhận'),
        code: Code(100).optional().describe('Mã của hệ thống khác; mặc định <mã đơn vị>-PA-<yymmdd>-<số thứ tự>'),
        received_at: Instant.optional().describe('Mặc định: bây giờ'),
        late_entry_reason: LateEntryReason,
        channel: z.enum(FEEDBACK_CHANNELS as [string, ...string[]]),
        summary: PlainText(2000),
        procedure_code: ProcedureCode.optional(),
        dossier_code: Code(100).optional(),
        classification: z.enum(FEEDBACK_CLASSIFICATIONS as [string, ...string[]]).optional(),
        repeated: z.boolean().optional().describe('Phản ánh lặp lại, kéo dài'),
      }),
      response: { 200: FeedbackItem, ...errors },
    },
    handler: async (request) => {
      const b = request.body
      const unit = await visibleUnit(db, request, b.unit)
      const now = new Date()
      const receivedAt = b.received_at ? new Date(b.received_at) : now
      const id = await recordFeedback(db, {
        unit: { id: unit.id, code: unit.code },
        code: b.code ?? null,
        receivedAt,
        channel: b.channel as FeedbackChannel,
        summary: b.summary,
        procedureCode: b.procedure_code ?? null,
        dossierCode: b.dossier_code ?? null,
        classification: (b.classification as FeedbackClassification | undefined) ?? null,
        classifiedAt: b.classification ? receivedAt : null,
        rejectedAt: null,
        supplementRequestedAt: null,
        handledAt: null,
        publishedAt: null,
        reaction: null,
        repeated: b.repeated ?? null,
        lateEntryReason: b.late_entry_reason,
        ...who(request),
      }, now)
      return itemOf(request, id)
    },
  })

  api.post('/api/v1/feedback/:id/steps', {
    config: write,
    schema: {
      summary: 'Một bước xử lý phản ánh: phân loại, từ chối, yêu cầu bổ sung, xử lý xong, công khai kết quả, ghi ý kiến người phản ánh',
      tags: ['Phản ánh, kiến nghị'],
      params: z.object({ id: FeedbackId }),
      body: Step,
      response: { 200: FeedbackItem, ...errors },
    },
    handler: async (request) => {
      const row = await getVisibleFeedback(db, request.params.id, actorOf(request).unitIds)
      await recordFeedbackStep(db, String(row.id), stepOf(request.body, new Date()), who(request), request.body.late_entry_reason ?? null)
      return itemOf(request, String(row.id))
    },
  })

  api.post('/api/v1/feedback/:id/late-entries/:entry/confirmation', {
    config: write,
    schema: {
      summary: 'Lãnh đạo đơn vị cấp trên xác nhận thời điểm nhập bù của một bước xử lý phản ánh (số liệu tính theo thời điểm khai từ đó)',
      tags: ['Phản ánh, kiến nghị'],
      params: z.object({ id: FeedbackId, entry: z.string().regex(/^\d{1,18}$/, 'Số thời điểm nhập bù không hợp lệ') }),
      response: { 200: FeedbackItem, ...errors },
    },
    handler: async (request) => {
      const row = await getVisibleFeedback(db, request.params.id, actorOf(request).unitIds)
      await confirmFeedbackLateEntry(db, String(row.id), request.params.entry, actorOf(request), request.ip)
      return itemOf(request, String(row.id))
    },
  })
}
