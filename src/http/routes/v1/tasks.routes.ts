import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { TaskList, TaskOccurrence } from '../../../contracts/directives.js'
import type { DatabaseHandle } from '../../../db/open-database.js'
import { toVietnamDate } from '../../../domain/time/vietnam-time.js'
import { AppError, ErrorCode } from '../../../domain/shared/app-error.js'
import { loadWorkingCalendar } from '../../../modules/calendar/load-working-calendar.js'
import { FileStore } from '../../../modules/desk/file-store.js'
import { readAttachedFile } from '../../../modules/directives/read-attached-file.js'
import { reviewSubmission } from '../../../modules/directives/review-submission.js'
import { sendTaskReminders } from '../../../modules/directives/send-task-reminders.js'
import { setTaskContact } from '../../../modules/directives/set-task-contact.js'
import { submitTask } from '../../../modules/directives/submit-task.js'
import { completionByUnit, taskBoard } from '../../../modules/directives/task-board.js'
import { subtreeOf } from '../../../modules/units/units.repository.js'
import { actorOf } from '../../plugins/authentication.js'
import { visibleUnit } from '../../visible-unit.js'
import { AsOfDateParam, BooleanParam, ErrorBody, PlainText, UnitCode } from '../../schemas.js'
import { AttachedFile, decode, disposition, OnParam, UPLOAD_BODY_LIMIT } from './directives.schemas.js'
import { presentCompletion, presentOccurrence } from './directives.present.js'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }
const read = { access: { permission: 'indicators:read' as const } }
const Id = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) })
const Instant = z.iso.datetime({ offset: true })

/** /api/v1/tasks: what each unit owes by when, what it submitted, what the monitor said, and the reminders. */
export function registerTaskRoutes(app: FastifyInstance, handle: DatabaseHandle, filesDir: string): void {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const db = handle.db
  const store = new FileStore(filesDir)
  const who = (request: FastifyRequest) => ({ actor: actorOf(request).label, ip: request.ip })
  const todayOf = (on: string | undefined) => on ?? toVietnamDate(new Date())

  const occurrence = async (request: FastifyRequest, id: number, on?: string) => {
    const [item] = await taskBoard(db, await loadWorkingCalendar(db), todayOf(on), { unitIds: actorOf(request).unitIds, occurrenceId: id })
    if (!item) throw new AppError(ErrorCode.notFound, `occurrence ${id} not visible`, 'Không có nhiệm vụ này trong phạm vi bạn được xem')
    return item
  }

  api.get('/api/v1/tasks', {
    config: read,
    schema: {
      summary: 'Nhiệm vụ của đơn vị và các đơn vị cấp dưới: quá hạn, đến hạn trong tuần, đã nộp; chỉ số hoàn thành theo đơn vị',
      tags: ['Chỉ đạo, điều hành'],
      querystring: z.object({
        unit: UnitCode,
        on: OnParam,
        from: AsOfDateParam('Hạn từ ngày (from)').optional().describe('Hạn từ ngày'),
        to: AsOfDateParam('Hạn đến ngày (to)').optional().describe('Hạn đến ngày'),
        overdue: BooleanParam.optional().describe('Chỉ nhiệm vụ quá hạn chưa nộp'),
        due_this_week: BooleanParam.optional().describe('Chỉ nhiệm vụ đến hạn trong tuần, chưa nộp'),
      }),
      response: { 200: TaskList, ...errors },
    },
    handler: async (request) => {
      const q = request.query
      const unit = await visibleUnit(db, request, q.unit)
      const today = todayOf(q.on)
      const all = await taskBoard(db, await loadWorkingCalendar(db), today, { unitIds: actorOf(request).unitIds, assigneeIds: [...(await subtreeOf(db, unit.id))], dueFrom: q.from, dueTo: q.to })
      const items = all.filter((i) => (!q.overdue || i.verdict.overdue) && (!q.due_this_week || i.dueThisWeek))
      return { on: today, items: items.map(presentOccurrence), completion: completionByUnit(all).map(presentCompletion) }
    },
  })

  api.post('/api/v1/tasks/:id/submissions', {
    config: { access: { permission: 'tasks:submit' as const } },
    bodyLimit: UPLOAD_BODY_LIMIT,
    schema: {
      summary: 'Đơn vị thực hiện nộp báo cáo (nội dung, tệp) cho một kỳ của nhiệm vụ',
      tags: ['Chỉ đạo, điều hành'],
      params: Id,
      body: z.object({
        note: z.string().max(2000).regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/, 'Không được chứa ký tự điều khiển').default(''),
        file: AttachedFile.optional(),
        submitted_at: Instant.optional().describe('Nhập bù báo cáo giấy: thời điểm đã nhận (mặc định: bây giờ)'),
        late_entry_reason: PlainText(1000).optional().describe('Lý do nhập bù: bắt buộc khi thời điểm nộp trước ngày làm việc liền trước hôm nay; số liệu tính theo thời điểm nhập cho đến khi đơn vị theo dõi xác nhận'),
      }),
      response: { 200: TaskOccurrence, ...errors },
    },
    handler: async (request) => {
      const b = request.body
      await submitTask(db, store, {
        occurrenceId: request.params.id, note: b.note, file: b.file ? { fileName: b.file.file_name, bytes: decode(b.file.content_base64) } : undefined,
        submittedAt: b.submitted_at ? new Date(b.submitted_at) : undefined, lateEntryReason: b.late_entry_reason, unitIds: actorOf(request).unitIds, ...who(request),
      })
      return presentOccurrence(await occurrence(request, request.params.id))
    },
  })

  api.post('/api/v1/tasks/:id/review', {
    config: { access: { permission: 'directives:write' as const } },
    schema: {
      summary: 'Đơn vị theo dõi chấp nhận báo cáo, hoặc trả lại với lý do',
      tags: ['Chỉ đạo, điều hành'],
      params: Id,
      body: z.object({ verdict: z.enum(['accept', 'return']), confirm_late_entry: z.boolean().optional().describe('Xác nhận thời điểm nộp của báo cáo nhập bù (đơn vị theo dõi, không phải đơn vị nộp)'), reason: z.string().max(2000).regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/, 'Không được chứa ký tự điều khiển').nullable().optional() }),
      response: { 200: TaskOccurrence, ...errors },
    },
    handler: async (request) => {
      await reviewSubmission(db, { occurrenceId: request.params.id, verdict: request.body.verdict, reason: request.body.reason ?? null, confirmLateEntry: request.body.confirm_late_entry, unitIds: actorOf(request).unitIds, actorUnitId: actorOf(request).unitId, ...who(request) })
      return presentOccurrence(await occurrence(request, request.params.id))
    },
  })

  api.get('/api/v1/tasks/:id/submissions/:submission/file', {
    config: read,
    schema: { summary: 'Tải về tệp của một báo cáo đã nộp', tags: ['Chỉ đạo, điều hành'], params: Id.extend({ submission: z.coerce.number().int().min(1).max(2_147_483_647) }), response: { 200: z.any().describe('PDF, PNG hoặc JPEG'), ...errors } },
    handler: async (request, reply) => {
      const item = await occurrence(request, request.params.id)
      const submission = item.submissions.find((s) => s.id === request.params.submission)
      const { bytes, file } = await readAttachedFile(db, store, submission?.file_id ?? null)
      return reply.header('content-type', file.media_type).header('content-disposition', disposition(file.original_name)).header('cache-control', 'no-store').header('x-content-type-options', 'nosniff').send(bytes)
    },
  })

  api.post('/api/v1/tasks/reminders', {
    config: { access: { permission: 'directives:write' as const } },
    schema: {
      summary: 'Đưa các thư nhắc hạn (trước và sau hạn) của đơn vị và cấp dưới vào hộp thư đi; mỗi kỳ, mỗi loại nhắc chỉ gửi một lần',
      tags: ['Chỉ đạo, điều hành'],
      body: z.object({ unit: UnitCode, on: OnParam }),
      response: { 200: z.object({ queued: z.number(), repeated: z.number(), without_address: z.number() }), ...errors },
    },
    handler: async (request) => {
      const unit = await visibleUnit(db, request, request.body.unit)
      // Reminders go out for what is due by now: a later day would send "overdue" notices early.
      if (request.body.on !== undefined && request.body.on > toVietnamDate(new Date())) {
        throw new AppError(ErrorCode.validation, 'reminders for a later day', 'Ngày xét (on): không gửi nhắc hạn cho một ngày sau hôm nay', [{ column: 'on', value: request.body.on, reason: 'sau hôm nay' }])
      }
      const run = await sendTaskReminders(db, await loadWorkingCalendar(db), todayOf(request.body.on), await subtreeOf(db, unit.id), who(request).actor)
      return { queued: run.queued, repeated: run.repeated, without_address: run.withoutAddress }
    },
  })

  api.put('/api/v1/tasks/contacts', {
    config: { access: { permission: 'directives:write' as const } },
    schema: {
      summary: 'Địa chỉ thư điện tử nhận nhắc hạn nhiệm vụ của một đơn vị',
      tags: ['Chỉ đạo, điều hành'],
      body: z.object({ unit: UnitCode, email: z.string().max(320) }),
      response: { 200: z.object({ unit: z.string(), email: z.string() }), ...errors },
    },
    handler: async (request) => {
      const unit = await visibleUnit(db, request, request.body.unit)
      return { unit: unit.code, email: await setTaskContact(db, unit, request.body.email, who(request)) }
    },
  })
}
