import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { TrackingBook } from '../../../contracts/desk-work.js'
import type { DatabaseHandle } from '../../../db/open-database.js'
import { TRACKING_BOOK_KINDS, type TrackingBookKind } from '../../../domain/dossiers/tracking-book.js'
import { isLocalDate } from '../../../domain/time/local-date.js'
import { can } from '../../../modules/accounts/actor.js'
import { exportTrackingBook } from '../../../modules/desk/tracking-book/export-tracking-book.js'
import { readTrackingBook, type TrackingBookRequest } from '../../../modules/desk/tracking-book/read-tracking-book.js'
import { subtreeOf } from '../../../modules/units/units.repository.js'
import { actorOf } from '../../plugins/authentication.js'
import { ErrorBody, LocalDateParam, PlainText, ProcedureCode, UnitCode } from '../../schemas.js'
import { visibleUnit } from '../../visible-unit.js'
import { attachmentDisposition } from '../../../domain/procedures/content-disposition.js'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody }
const read = { access: { permission: 'dossiers:read' as const } }

/** The book's question: unit, period (from ≤ to), kind, maybe one procedure. */
export const TrackingBookQuery = z
  .object({
    unit: UnitCode,
    from: LocalDateParam.refine(isLocalDate, 'Ngày không có thật').describe('Từ ngày (giờ Việt Nam)'),
    to: LocalDateParam.refine(isLocalDate, 'Ngày không có thật').describe('Đến hết ngày (giờ Việt Nam)'),
    kind: z.enum(TRACKING_BOOK_KINDS as [TrackingBookKind, ...TrackingBookKind[]]).default('received')
      .describe('received: tiếp nhận; handed_over: chuyển xử lý; returned: trả kết quả; late: trễ hạn; all: tiếp nhận, chuyển hoặc trả trong kỳ'),
    procedure: ProcedureCode.optional().describe('Mã thủ tục hành chính'),
  })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'Ngày kết thúc phải sau hoặc bằng ngày bắt đầu' })

/** GET /api/v1/tracking-book (JSON) and /api/v1/tracking-book/xlsx: the sổ theo dõi hồ sơ of a unit. */
export function registerTrackingBookRoutes(app: FastifyInstance, handle: DatabaseHandle): void {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const db = handle.db

  const bookRequest = async (request: FastifyRequest, q: z.infer<typeof TrackingBookQuery>): Promise<TrackingBookRequest> => {
    const unit = await visibleUnit(db, request, q.unit)
    return {
      unit: { id: unit.id, code: unit.code, name: unit.name },
      unitIds: [...(await subtreeOf(db, unit.id))],
      from: q.from, to: q.to, kind: q.kind, procedureCode: q.procedure,
      personalData: can(actorOf(request), 'personal_data:read'),
    }
  }

  api.get('/api/v1/tracking-book', {
    config: read,
    schema: {
      summary: 'Sổ theo dõi hồ sơ: hồ sơ tiếp nhận, chuyển xử lý, trả kết quả, trễ hạn theo kỳ và thủ tục',
      tags: ['Một cửa'],
      querystring: TrackingBookQuery,
      response: { 200: TrackingBook, ...errors },
    },
    handler: async (request) => readTrackingBook(db, await bookRequest(request, request.query)),
  })

  api.get('/api/v1/tracking-book/xlsx', {
    config: read,
    schema: {
      summary: 'Sổ theo dõi hồ sơ dạng XLSX (A4 ngang, lặp dòng tiêu đề cột trên mỗi trang)',
      tags: ['Một cửa'],
      querystring: TrackingBookQuery,
      response: { 200: z.any().describe('Tệp XLSX'), ...errors },
    },
    handler: async (request, reply) => {
      const actor = actorOf(request)
      const { xlsx, filename } = await exportTrackingBook(db, await bookRequest(request, request.query), { actor: actor.label, ip: request.ip })
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', attachmentDisposition(filename))
        .header('cache-control', 'no-store')
        .send(xlsx)
    },
  })
}
