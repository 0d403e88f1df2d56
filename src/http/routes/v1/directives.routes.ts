import { rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { FileReading } from '../../../contracts/documents.js'
import { DirectiveDetails, DirectiveListItem, LetterProposal } from '../../../contracts/directives.js'
import type { DatabaseHandle } from '../../../db/open-database.js'
import { citeDocument } from '../../../domain/reports/cited-documents.js'
import { toVietnamDate } from '../../../domain/time/vietnam-time.js'
import { loadWorkingCalendar } from '../../../modules/calendar/load-working-calendar.js'
import { FileStore } from '../../../modules/desk/file-store.js'
import { addTasks } from '../../../modules/directives/add-tasks.js'
import { citationsOf, getVisibleDirective, listVisibleDirectives } from '../../../modules/directives/directives.repository.js'
import { importDirectives } from '../../../modules/directives/import/import-directives.js'
import { proposeTasksOfLetter } from '../../../modules/directives/propose-letter-tasks.js'
import { readAttachedFile } from '../../../modules/directives/read-attached-file.js'
import { readDirectiveText } from '../../../modules/directives/read-directive-text.js'
import { recordDirective } from '../../../modules/directives/record-directive.js'
import { searchDirectives } from '../../../modules/directives/search-directives.js'
import { taskBoard } from '../../../modules/directives/task-board.js'
import { actorOf } from '../../plugins/authentication.js'
import { visibleUnit } from '../../visible-unit.js'
import { AsOfDateParam, ErrorBody, LocalDateParam, PlainText, UnitCode } from '../../schemas.js'
import { AttachedFile, Base64Content, decode, disposition, OnParam, TaskBody, taskInputOf, Topic, UPLOAD_BODY_LIMIT } from './directives.schemas.js'
import { presentDirective, presentOccurrence } from './directives.present.js'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }
const read = { access: { permission: 'indicators:read' as const } }
const write = { access: { permission: 'directives:write' as const } }
const Id = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) })
const TABLE_NAME = /^[^/\\\u0000-\u001f]+\.(csv|xlsx)$/i

/** /api/v1/directives: directives received and sent, their tasks, and the tasks a drafted letter proposes. */
export function registerDirectiveRoutes(app: FastifyInstance, handle: DatabaseHandle, filesDir: string): void {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const db = handle.db
  const store = new FileStore(filesDir)
  const who = (request: FastifyRequest) => ({ actor: actorOf(request).label, ip: request.ip })
  const todayOf = (on: string | undefined) => on ?? toVietnamDate(new Date())

  const details = async (request: FastifyRequest, id: number, on: string | undefined): Promise<z.infer<typeof DirectiveDetails>> => {
    const unitIds = actorOf(request).unitIds
    const directive = await getVisibleDirective(db, id, unitIds)
    const tasks = await taskBoard(db, await loadWorkingCalendar(db), todayOf(on), { unitIds, directiveId: id })
    const cites = (await citationsOf(db, id)).map((c) => ({ id: c.id, label: citeDocument({ docType: c.doc_type, number: c.number, issuedOn: c.issued_on, issuer: c.issuer, about: c.about }) }))
    return { ...presentDirective(directive), cites, tasks: tasks.map(presentOccurrence) }
  }

  api.get('/api/v1/directives', {
    config: read,
    schema: {
      summary: 'Văn bản chỉ đạo đến và đi mà đơn vị ghi, hoặc giao nhiệm vụ cho đơn vị (mới nhất trước); q: tìm theo số, trích yếu, cơ quan ban hành và nội dung bản quét (OCR), gõ có dấu hoặc không dấu',
      tags: ['Chỉ đạo, điều hành'],
      querystring: z.object({
        direction: z.enum(['incoming', 'outgoing']).optional(),
        q: z.string().max(200).regex(/^[^\u0000-\u001f\u007f]*$/, 'Không được chứa ký tự điều khiển').optional().describe('Cụm từ cần tìm (ít nhất 2 chữ cái hoặc chữ số); việc tìm được ghi nhật ký'),
      }),
      response: { 200: z.array(DirectiveListItem), ...errors },
    },
    handler: async (request) => {
      const { direction, q } = request.query
      const unitIds = actorOf(request).unitIds
      if (q === undefined || q === '') return (await listVisibleDirectives(db, unitIds, { direction })).map((d) => ({ ...presentDirective(d), snippet: null }))
      return (await searchDirectives(db, unitIds, q, { direction }, who(request))).map((d) => ({ ...presentDirective(d), snippet: d.snippet }))
    },
  })

  api.get('/api/v1/directives/letter-proposal', {
    config: write,
    schema: {
      summary: 'Nhiệm vụ mà công văn biểu dương, phê bình soạn từ số liệu giao (để văn thư xác nhận khi ghi số công văn)',
      tags: ['Chỉ đạo, điều hành'],
      querystring: z.object({ unit: UnitCode, from: LocalDateParam, to: LocalDateParam, date: AsOfDateParam('Ngày công văn (date)').optional().describe('Ngày công văn') }),
      response: { 200: LetterProposal, ...errors },
    },
    handler: async (request) => {
      const q = request.query
      const unit = await visibleUnit(db, request, q.unit)
      const p = await proposeTasksOfLetter(db, { kind: 'letter', unitCode: unit.code, from: q.from, to: q.to, date: q.date })
      return { letter_date: p.letterDate, deadline: p.deadline, subject: p.subject, topic: p.topic, tasks: p.tasks.map((t) => ({ title: t.title, assignees: t.assignees, monitor: t.monitor, recurrence: t.recurrence, due_on: t.dueOn, ends_on: t.endsOn })) }
    },
  })

  api.get('/api/v1/directives/:id', {
    config: read,
    schema: { summary: 'Một văn bản chỉ đạo, văn bản nó dẫn chiếu, các nhiệm vụ và báo cáo đã nộp', tags: ['Chỉ đạo, điều hành'], params: Id, querystring: z.object({ on: OnParam }), response: { 200: DirectiveDetails, ...errors } },
    handler: async (request) => details(request, request.params.id, request.query.on),
  })

  api.post('/api/v1/directives', {
    config: write,
    bodyLimit: UPLOAD_BODY_LIMIT,
    schema: {
      summary: 'Ghi văn bản chỉ đạo (đến hoặc đi) với tệp, văn bản dẫn chiếu và nhiệm vụ; văn bản đi có chủ đề được ghi làm công văn để công văn sau dẫn chiếu',
      tags: ['Chỉ đạo, điều hành'],
      body: z.object({
        unit: UnitCode.describe('Đơn vị ghi văn bản (ban hành văn bản đi, hoặc nhận văn bản đến)'),
        direction: z.enum(['incoming', 'outgoing']),
        doc_type: PlainText(60).default('Công văn'),
        number: PlainText(60),
        issued_on: LocalDateParam,
        issuer: PlainText(200),
        subject: PlainText(1000),
        topic: Topic.nullable().optional(),
        cites: z.array(z.number().int().min(1)).max(50).default([]).describe('Số thứ tự các văn bản căn cứ (GET /api/v1/letters/cited-documents)'),
        file: AttachedFile.optional().describe('Bản PDF hoặc bản quét'),
        tasks: z.array(TaskBody).max(100).default([]),
      }),
      response: { 200: DirectiveDetails, ...errors },
    },
    handler: async (request) => {
      const b = request.body
      const unit = await visibleUnit(db, request, b.unit)
      const id = await recordDirective(
        db,
        store,
        {
          unitCode: unit.code,
          directive: { direction: b.direction, docType: b.doc_type, number: b.number, issuedOn: b.issued_on, issuer: b.issuer, subject: b.subject, topic: b.topic ?? null },
          citedDocumentIds: b.cites,
          tasks: b.tasks.map(taskInputOf),
          file: b.file ? { fileName: b.file.file_name, bytes: decode(b.file.content_base64) } : undefined,
          ...who(request),
        },
        await loadWorkingCalendar(db),
      )
      return details(request, id, undefined)
    },
  })

  api.post('/api/v1/directives/:id/tasks', {
    config: write,
    schema: { summary: 'Thêm nhiệm vụ cho văn bản chỉ đạo đã ghi (xác nhận nhiệm vụ công văn đề xuất)', tags: ['Chỉ đạo, điều hành'], params: Id, body: z.object({ tasks: z.array(TaskBody).min(1).max(100) }), response: { 200: DirectiveDetails, ...errors } },
    handler: async (request) => {
      const directive = await getVisibleDirective(db, request.params.id, actorOf(request).unitIds)
      // Only the unit that recorded the directive (or one above it) assigns its tasks.
      await visibleUnit(db, request, directive.unitCode)
      await addTasks(db, directive, request.body.tasks.map(taskInputOf), who(request), await loadWorkingCalendar(db))
      return details(request, directive.id, undefined)
    },
  })

  api.get('/api/v1/directives/:id/file', {
    config: read,
    schema: { summary: 'Tải về bản PDF hoặc bản quét của văn bản chỉ đạo', tags: ['Chỉ đạo, điều hành'], params: Id, response: { 200: z.any().describe('PDF, PNG hoặc JPEG'), ...errors } },
    handler: async (request, reply) => {
      const directive = await getVisibleDirective(db, request.params.id, actorOf(request).unitIds)
      const { bytes, file } = await readAttachedFile(db, store, directive.fileId)
      return reply.header('content-type', file.media_type).header('content-disposition', disposition(file.original_name)).header('cache-control', 'no-store').header('x-content-type-options', 'nosniff').send(bytes)
    },
  })

  api.get('/api/v1/directives/:id/text', {
    config: read,
    schema: { summary: 'Nội dung đọc được (OCR) từ bản quét của văn bản chỉ đạo (đọc nền sau khi lưu)', tags: ['Chỉ đạo, điều hành'], params: Id, response: { 200: FileReading, ...errors } },
    handler: async (request) => readDirectiveText(db, actorOf(request).unitIds, request.params.id),
  })

  api.post('/api/v1/directives/import', {
    config: write,
    bodyLimit: UPLOAD_BODY_LIMIT,
    schema: {
      summary: 'Nhập văn bản chỉ đạo và nhiệm vụ từ tệp CSV hoặc XLSX (mỗi dòng một nhiệm vụ): có dòng lỗi thì không ghi gì',
      tags: ['Chỉ đạo, điều hành'],
      body: z.object({ unit: UnitCode, file_name: z.string().max(255).regex(TABLE_NAME, 'Tên tệp phải có đuôi .csv hoặc .xlsx, không chứa thư mục'), content_base64: Base64Content }),
      response: { 200: z.object({ directives: z.number(), tasks: z.number(), read: z.number() }), ...errors },
    },
    handler: async (request) => {
      const b = request.body
      const unit = await visibleUnit(db, request, b.unit)
      // The import reads files by path (CSV streamed, XLSX bounded before it is opened).
      const path = join(tmpdir(), `motcua-directives-${randomBytes(8).toString('hex')}${b.file_name.slice(b.file_name.lastIndexOf('.')).toLowerCase()}`)
      await writeFile(path, decode(b.content_base64), { flag: 'wx' })
      try {
        const summary = await importDirectives(handle, path, unit.code, { ignoreUnknown: false, fileLabel: b.file_name, actor: who(request).actor, calendar: await loadWorkingCalendar(db) })
        return { directives: summary.directives, tasks: summary.tasks, read: summary.read }
      } finally {
        await rm(path, { force: true })
      }
    },
  })
}
