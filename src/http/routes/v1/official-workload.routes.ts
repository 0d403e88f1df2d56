import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { OfficialWorkload } from '../../../contracts/desk-work.js'
import type { DatabaseHandle } from '../../../db/open-database.js'
import { isLocalDate } from '../../../domain/time/local-date.js'
import { exportOfficialWorkload } from '../../../modules/officials/export-official-workload.js'
import { readOfficialWorkload } from '../../../modules/officials/official-workload.js'
import { subtreeOf } from '../../../modules/units/units.repository.js'
import { actorOf } from '../../plugins/authentication.js'
import { ErrorBody, LocalDateParam, UnitCode } from '../../schemas.js'
import { visibleUnit } from '../../visible-unit.js'
import { attachmentDisposition } from '../../../domain/procedures/content-disposition.js'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody }
const access = { access: { permission: 'officials:read' as const } }

const WorkloadQuery = z
  .object({
    unit: UnitCode,
    from: LocalDateParam.refine(isLocalDate, 'Ngày không có thật').describe('Từ ngày (giờ Việt Nam)'),
    to: LocalDateParam.refine(isLocalDate, 'Ngày không có thật').describe('Đến hết ngày (giờ Việt Nam)'),
  })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'Ngày kết thúc phải sau hoặc bằng ngày bắt đầu' })

/** GET /api/v1/official-workload (JSON) and /xlsx: per official, received, digitized, handled, late, rated, approved. */
export function registerOfficialWorkloadRoutes(app: FastifyInstance, handle: DatabaseHandle): void {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const db = handle.db
  const workloadOf = async (request: FastifyRequest, q: z.infer<typeof WorkloadQuery>) => {
    const unit = await visibleUnit(db, request, q.unit)
    return readOfficialWorkload(db, { unit: { code: unit.code, name: unit.name }, unitIds: [...(await subtreeOf(db, unit.id))], from: q.from, to: q.to })
  }

  api.get('/api/v1/official-workload', {
    config: access,
    schema: {
      summary: 'Kết quả theo cán bộ, công chức trong kỳ: tiếp nhận, số hóa, đã giải quyết, trễ hạn, được đánh giá, phê duyệt',
      tags: ['Cán bộ, công chức'],
      querystring: WorkloadQuery,
      response: { 200: OfficialWorkload, ...errors },
    },
    handler: async (request) => workloadOf(request, request.query),
  })

  api.get('/api/v1/official-workload/xlsx', {
    config: access,
    schema: { summary: 'Kết quả theo cán bộ, công chức dạng XLSX (A4 ngang)', tags: ['Cán bộ, công chức'], querystring: WorkloadQuery, response: { 200: z.any().describe('Tệp XLSX'), ...errors } },
    handler: async (request, reply) => {
      const workload = await workloadOf(request, request.query)
      const { xlsx, filename } = await exportOfficialWorkload(db, workload, { actor: actorOf(request).label, ip: request.ip })
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', attachmentDisposition(filename))
        .header('cache-control', 'no-store')
        .send(xlsx)
    },
  })
}
