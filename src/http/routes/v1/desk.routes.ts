import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { DossierDetails, ProcedureChoice, QueuePage, StuckDossier } from '../../../contracts/desk.js'
import { listStuckDossiers } from '../../../modules/desk/stuck-dossiers.js'
import type { DatabaseHandle } from '../../../db/open-database.js'
import { DOSSIER_EVENT_LABELS, DossierEventType } from '../../../domain/dossiers/dossier-event.js'
import { CHANNELS } from '../../../domain/dossiers/dossier-status.js'
import { isLocalDate } from '../../../domain/time/local-date.js'
import { assertActsFor, FLAG_SIDES, RECORD_SIDES, sidesActedFor, stepSideRefusal } from '../../../domain/dossiers/dossier-sides.js'
import { DOSSIER_FLAG_COLUMNS, DOSSIER_FLAG_LABELS } from '../../../domain/dossiers/dossier-flags.js'
import { can } from '../../../modules/accounts/actor.js'
import { digitizeComponent, digitizeResult, recordPayment } from '../../../modules/desk/digitize-dossier.js'
import { countDossierQueues, getDossierPage, getVisibleDossier, listDossierQueue, type Viewer } from '../../../modules/desk/dossier-queries.js'
import { DOSSIER_QUEUES } from '../../../domain/dossiers/dossier-queues.js'
import { FileStore } from '../../../modules/desk/file-store.js'
import { readDossierFile } from '../../../modules/desk/read-dossier-file.js'
import { receiveDossier } from '../../../modules/desk/receive-dossier.js'
import { searchProcedures } from '../../../modules/desk/search-procedures.js'
import { recordDossierEvent } from '../../../modules/dossiers/record-dossier-event.js'
import { actorOf } from '../../plugins/authentication.js'
import { visibleUnit } from '../../visible-unit.js'
import { DossierCode, ErrorBody, LocalDateParam, PlainText, ProcedureCode, UnitCode } from '../../schemas.js'
import { DossierFlagsBody, flagsOf } from './dossier-flags.schemas.js'
import { recordDossierFlags } from '../../../modules/desk/record-dossier-flags.js'
import { recordApology } from '../../../modules/desk/record-apology.js'
import { subtreeOf } from '../../../modules/units/units.repository.js'
import { DossierSearchParam, HandOverFields, handOverFieldsFit } from './hand-over.schemas.js'
import { handOverTarget } from '../../../modules/desk/assignment/hand-over-target.js'
import { guardReturn } from '../../../modules/desk/desk-confirmations.js'
import type { SignatureSetup } from '../../../modules/signatures/signature-setup.js'
import type { ApplicantNoticeSettings } from '../../../modules/portal/tell-applicant.js'
import { Base64Content, ScanFileName, UPLOAD_BODY_LIMIT, decodeUpload } from '../../upload.schemas.js'
import { attachmentDisposition } from '../../../domain/procedures/content-disposition.js'

/** The steps an official takes with the buttons of the dossier page (receipt and imports have their own ways in). */
const DESK_EVENT_TYPES = Object.values(DossierEventType).filter((t) => t !== 'receive' && t !== 'imported' && t !== 'status_synced')

const Position = z.coerce.number().int().min(1).max(1000)

const UploadBody = z.object({ file_name: ScanFileName, content_base64: Base64Content, replace_reason: PlainText(1000).optional().describe('Lý do thay tệp (bắt buộc khi hồ sơ đã trả kết quả)') })


const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }
const read = { access: { permission: 'dossiers:read' as const } }
const write = { access: { permission: 'dossiers:write' as const } }

/** /api/v1/procedures and /api/v1/dossiers…: the one-stop desk. `filesDir` holds the stored scans. */
export function registerDeskRoutes(app: FastifyInstance, handle: DatabaseHandle, filesDir: string, signatures?: SignatureSetup, notices?: ApplicantNoticeSettings): void {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const db = handle.db
  const store = new FileStore(filesDir)

  const viewerOf = (request: FastifyRequest): Viewer => {
    const actor = actorOf(request)
    return { unitIds: actor.unitIds, personalData: can(actor, 'personal_data:read'), userId: actor.kind === 'user' ? actor.id : null, actor: actor.label, role: actor.role }
  }
  const who = (request: FastifyRequest) => ({ actor: actorOf(request).label, ip: request.ip })
  const decode = decodeUpload

  api.get('/api/v1/procedures', {
    config: read,
    schema: {
      summary: 'Tìm thủ tục hành chính theo mã hoặc tên (gõ không dấu được)',
      tags: ['Một cửa'],
      querystring: z.object({ q: z.string().max(200).regex(/^[^\u0000-\u001f\u007f]*$/, 'Không được chứa ký tự điều khiển').default('') }),
      response: { 200: z.array(ProcedureChoice), ...errors },
    },
    handler: async (request) => searchProcedures(db, request.query.q),
  })

  api.post('/api/v1/dossiers', {
    config: write,
    schema: {
      summary: 'Tiếp nhận hồ sơ: tính ngày hẹn trả, cấp mã hồ sơ',
      tags: ['Một cửa'],
      body: z.object({
        unit: UnitCode.describe('Đơn vị tiếp nhận'),
        deciding_unit: UnitCode.optional().describe('Đơn vị giải quyết, khi khác đơn vị tiếp nhận (Nghị định 118/2025/NĐ-CP: tiếp nhận tại bất kỳ xã nào của tỉnh); mặc định: đơn vị tiếp nhận'),
        procedure_code: ProcedureCode,
        applicant: z.object({
          name: PlainText(200),
          id_number: z.string().regex(/^[0-9A-Za-z]{6,20}$/, 'Số giấy tờ tùy thân không hợp lệ').nullable().optional(),
          phone: z.string().regex(/^\+?[0-9]{8,15}$/, 'Số điện thoại không hợp lệ').nullable().optional(),
          address: PlainText(500).nullable().optional(),
        }),
        channel: z.enum(CHANNELS as [string, ...string[]]),
        received_components: z.array(Position).max(200).describe('Số thứ tự các thành phần hồ sơ đã nhận (theo danh mục của thủ tục)'),
        fee_vnd: z.number().int().min(0).max(1_000_000_000_000).optional().describe('Mặc định: phí, lệ phí của thủ tục'),
        paid_online: z.boolean().optional(),
        received_at: z.iso.datetime({ offset: true }).optional().describe('Nhập bù hồ sơ giấy: thời điểm đã tiếp nhận (mặc định: bây giờ)'),
        confirm_procedure_level: z.boolean().optional().describe('Xác nhận tiếp nhận thủ tục của cấp trên (liên thông) sau cảnh báo 409 confirmation_required'),
        ...DossierFlagsBody.shape,
      }),
      response: { 200: DossierDetails, ...errors },
    },
    handler: async (request) => {
      const b = request.body
      const unit = await visibleUnit(db, request, b.unit)
      const received = await receiveDossier(db, {
        unit: { id: unit.id, code: unit.code },
        ...(b.deciding_unit !== undefined ? { decidingUnitCode: b.deciding_unit } : {}),
        procedureCode: b.procedure_code,
        applicant: { name: b.applicant.name, idNumber: b.applicant.id_number ?? null, phone: b.applicant.phone ?? null, address: b.applicant.address ?? null },
        channel: b.channel as (typeof CHANNELS)[number],
        receivedComponents: b.received_components,
        ...(b.fee_vnd !== undefined ? { feeVnd: b.fee_vnd } : {}),
        ...(b.paid_online !== undefined ? { paidOnline: b.paid_online } : {}),
        ...(b.received_at !== undefined ? { receivedAt: new Date(b.received_at) } : {}),
        ...flagsOf(b),
        ...(b.confirm_procedure_level !== undefined ? { confirmProcedureLevel: b.confirm_procedure_level } : {}),
        ...who(request),
        ...(notices ? { tellApplicant: notices } : {}),
      })
      return getDossierPage(db, received.code, viewerOf(request))
    },
  })

  api.get('/api/v1/dossiers', {
    config: read,
    schema: {
      summary: 'Hàng đợi hồ sơ của đơn vị: của tôi, chờ phê duyệt, cần xử lý, chờ bổ sung, sắp đến hạn, quá hạn, có kết quả chờ trả, tất cả; tìm hồ sơ (q)',
      tags: ['Một cửa'],
      querystring: z.object({
        unit: UnitCode,
        queue: z.enum(DOSSIER_QUEUES as [string, ...string[]]).optional().describe('Mặc định: to_process; khi tìm (q): all'),
        q: DossierSearchParam.optional(),
        page: z.coerce.number().int().min(1).max(100_000).default(1),
        page_size: z.coerce.number().int().min(1).max(100).default(20),
      }),
      response: { 200: QueuePage, ...errors },
    },
    handler: async (request) => {
      const q = request.query
      const unit = await visibleUnit(db, request, q.unit)
      const search = q.q?.trim() || undefined
      const queue = (q.queue ?? (search ? 'all' : 'to_process')) as (typeof DOSSIER_QUEUES)[number]
      return listDossierQueue(db, { unitIds: [...(await subtreeOf(db, unit.id))], queue, ...(search ? { search } : {}), page: q.page, pageSize: q.page_size }, viewerOf(request))
    },
  })

  api.get('/api/v1/dossier-queue-counts', {
    config: read,
    schema: {
      summary: 'Số hồ sơ trong từng hàng đợi của đơn vị (một truy vấn)',
      tags: ['Một cửa'],
      querystring: z.object({ unit: UnitCode }),
      response: { 200: z.record(z.enum(DOSSIER_QUEUES as [string, ...string[]]), z.number()), ...errors },
    },
    handler: async (request) => {
      const unit = await visibleUnit(db, request, request.query.unit)
      return countDossierQueues(db, [...(await subtreeOf(db, unit.id))], viewerOf(request))
    },
  })

  api.get('/api/v1/dossiers-stuck', {
    config: read,
    schema: {
      summary: 'Hồ sơ bị "treo": đang ở đơn vị mà không có bước xử lý nào trong 3 ngày làm việc, và người đang giữ (tối đa 500, lâu nhất trước)',
      tags: ['Một cửa'],
      querystring: z.object({ unit: UnitCode }),
      response: { 200: z.array(StuckDossier), ...errors },
    },
    handler: async (request) => {
      const unit = await visibleUnit(db, request, request.query.unit)
      return listStuckDossiers(db, [...(await subtreeOf(db, unit.id))])
    },
  })

  api.get('/api/v1/dossiers/:code', {
    config: read,
    schema: { summary: 'Hồ sơ: thông tin, thành phần và tệp số hóa, quá trình xử lý, thao tác tiếp theo', tags: ['Một cửa'], params: z.object({ code: DossierCode }), response: { 200: DossierDetails, ...errors } },
    handler: async (request) => getDossierPage(db, request.params.code, viewerOf(request)),
  })

  api.post('/api/v1/dossiers/:code/events', {
    config: write,
    schema: {
      summary: 'Một bước xử lý hồ sơ (chuyển xử lý, yêu cầu bổ sung, trình ký, có kết quả, trả kết quả, từ chối…)',
      tags: ['Một cửa'],
      params: z.object({ code: DossierCode }),
      body: z.object({
        type: z.enum(DESK_EVENT_TYPES as [string, ...string[]]),
        reason: PlainText(1000).optional(),
        confirm_unpaid_fee: z.boolean().optional().describe('Trả kết quả khi chưa nộp phí, lệ phí: xác nhận sau cảnh báo 409 confirmation_required'),
        ...HandOverFields,
      }).superRefine(handOverFieldsFit),
      response: { 200: DossierDetails, ...errors },
    },
    handler: async (request) => {
      const viewer = viewerOf(request)
      const dossier = await getVisibleDossier(db, request.params.code, viewer)
      const actor = actorOf(request)
      // The other side's step is refused before any warning about it (an unpaid fee on a return).
      const type = request.body.type as DossierEventType
      const otherSide = stepSideRefusal(type, sidesActedFor(dossier, actor.unitIds), DOSSIER_EVENT_LABELS[type])
      if (otherSide) throw otherSide
      const target = await handOverTarget(db, dossier, request.body, actor.unitIds)
      const returning = request.body.type === 'return' ? guardReturn(dossier, request.body.confirm_unpaid_fee ?? false) : null
      await recordDossierEvent(db, dossier.code, {
        type: request.body.type as DossierEventType, actor: actor.label, role: actor.role, actingFor: actor.unitIds, reason: request.body.reason ?? null, ...target,
        ...(returning?.unpaidFeeConfirmed ? { data: { unpaid_fee_confirmed: true } } : {}),
        ...(notices ? { tellApplicant: notices } : {}),
      })
      return getDossierPage(db, dossier.code, viewer)
    },
  })

  api.post('/api/v1/dossiers/:code/components/:position/file', {
    config: write,
    bodyLimit: UPLOAD_BODY_LIMIT,
    schema: {
      summary: 'Số hóa một thành phần hồ sơ: tải lên bản quét (PDF, PNG, JPEG; tối đa 10 MB)',
      tags: ['Một cửa'],
      params: z.object({ code: DossierCode, position: Position }),
      body: UploadBody,
      response: { 200: DossierDetails, ...errors },
    },
    handler: async (request) => {
      const viewer = viewerOf(request)
      const dossier = await getVisibleDossier(db, request.params.code, viewer)
      assertActsFor(RECORD_SIDES.componentScan, sidesActedFor(dossier, viewer.unitIds), 'Số hóa thành phần hồ sơ')
      await digitizeComponent(db, store, dossier.id, request.params.position, { fileName: request.body.file_name, bytes: decode(request.body.content_base64), reason: request.body.replace_reason ?? null, ...who(request) }, signatures)
      return getDossierPage(db, dossier.code, viewer)
    },
  })

  api.post('/api/v1/dossiers/:code/result-file', {
    config: write,
    bodyLimit: UPLOAD_BODY_LIMIT,
    schema: {
      summary: 'Số hóa kết quả giải quyết: tải lên kết quả điện tử đã ký (PDF, PNG, JPEG; tối đa 10 MB)',
      tags: ['Một cửa'],
      params: z.object({ code: DossierCode }),
      body: UploadBody,
      response: { 200: DossierDetails, ...errors },
    },
    handler: async (request) => {
      const viewer = viewerOf(request)
      const dossier = await getVisibleDossier(db, request.params.code, viewer)
      assertActsFor(RECORD_SIDES.resultFile, sidesActedFor(dossier, viewer.unitIds), 'Số hóa kết quả giải quyết')
      await digitizeResult(db, store, dossier.id, { fileName: request.body.file_name, bytes: decode(request.body.content_base64), reason: request.body.replace_reason ?? null, ...who(request) }, signatures)
      return getDossierPage(db, dossier.code, viewer)
    },
  })

  const sendFile = async (request: FastifyRequest, dossierCode: string, which: { position: number } | 'result') =>
    readDossierFile(db, store, await getVisibleDossier(db, dossierCode, viewerOf(request)), which, who(request))

  api.get('/api/v1/dossiers/:code/components/:position/file', {
    config: read,
    schema: { summary: 'Tải về bản quét của một thành phần hồ sơ', tags: ['Một cửa'], params: z.object({ code: DossierCode, position: Position }), response: { 200: z.any().describe('PDF, PNG hoặc JPEG'), ...errors } },
    handler: async (request, reply) => {
      const { bytes, file } = await sendFile(request, request.params.code, { position: request.params.position })
      return reply.header('content-type', file.media_type).header('content-disposition', attachmentDisposition(file.original_name)).header('cache-control', 'no-store').header('x-content-type-options', 'nosniff').send(bytes)
    },
  })

  api.get('/api/v1/dossiers/:code/result-file', {
    config: read,
    schema: { summary: 'Tải về kết quả giải quyết điện tử', tags: ['Một cửa'], params: z.object({ code: DossierCode }), response: { 200: z.any().describe('PDF, PNG hoặc JPEG'), ...errors } },
    handler: async (request, reply) => {
      const { bytes, file } = await sendFile(request, request.params.code, 'result')
      return reply.header('content-type', file.media_type).header('content-disposition', attachmentDisposition(file.original_name)).header('cache-control', 'no-store').header('x-content-type-options', 'nosniff').send(bytes)
    },
  })

  api.put('/api/v1/dossiers/:code/flags', {
    config: write,
    schema: {
      summary: 'Cập nhật thông tin cho Chỉ số 766: đồng bộ Cổng DVC quốc gia, tái sử dụng dữ liệu, kho dữ liệu, dữ liệu dân cư/VNeID, kết quả giấy, kết quả điện tử (null = chưa biết; không gửi = giữ nguyên)',
      tags: ['Một cửa'],
      params: z.object({ code: DossierCode }),
      body: DossierFlagsBody,
      response: { 200: DossierDetails, ...errors },
    },
    handler: async (request) => {
      const viewer = viewerOf(request)
      const dossier = await getVisibleDossier(db, request.params.code, viewer)
      const sides = sidesActedFor(dossier, viewer.unitIds)
      for (const column of DOSSIER_FLAG_COLUMNS) {
        if (request.body[column] !== undefined) assertActsFor(FLAG_SIDES[column], sides, `Cập nhật thông tin ${DOSSIER_FLAG_LABELS[column]}`)
      }
      await recordDossierFlags(db, dossier.id, request.body, who(request))
      return getDossierPage(db, dossier.code, viewer)
    },
  })

  api.post('/api/v1/dossiers/:code/apology', {
    config: write,
    schema: {
      summary: 'Lập phiếu xin lỗi và hẹn lại ngày trả kết quả cho hồ sơ trễ hạn (Mẫu 04, Thông tư 01/2018/TT-VPCP)',
      tags: ['Một cửa'],
      params: z.object({ code: DossierCode }),
      body: z.object({ reason: PlainText(1000).describe('Lý do chậm trả'), new_due_on: LocalDateParam.refine(isLocalDate, 'Ngày không tồn tại').describe('Ngày hẹn lại (ngày làm việc)') }),
      response: { 200: DossierDetails, ...errors },
    },
    handler: async (request) => {
      const viewer = viewerOf(request)
      const dossier = await getVisibleDossier(db, request.params.code, viewer)
      await recordApology(db, dossier.id, { reason: request.body.reason, newDueOn: request.body.new_due_on, ...who(request) })
      return getDossierPage(db, dossier.code, viewer)
    },
  })

  api.post('/api/v1/dossiers/:code/payment', {
    config: write,
    schema: {
      summary: 'Ghi nhận nộp phí, lệ phí (trực tuyến hoặc tại quầy)',
      tags: ['Một cửa'],
      params: z.object({ code: DossierCode }),
      body: z.object({ paid_online: z.boolean() }),
      response: { 200: DossierDetails, ...errors },
    },
    handler: async (request) => {
      const viewer = viewerOf(request)
      const dossier = await getVisibleDossier(db, request.params.code, viewer)
      assertActsFor(RECORD_SIDES.payment, sidesActedFor(dossier, viewer.unitIds), 'Ghi nhận nộp phí, lệ phí')
      await recordPayment(db, dossier.id, request.body.paid_online, who(request))
      return getDossierPage(db, dossier.code, viewer)
    },
  })
}
