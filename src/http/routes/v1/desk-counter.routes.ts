import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { DatabaseHandle } from '../../../db/open-database.js'
import { trackingPath, trackingUrl } from '../../../domain/dossiers/tracking-link.js'
import { can } from '../../../modules/accounts/actor.js'
import { BULK_STEP_TYPES, recordBulkStep } from '../../../modules/desk/bulk-dossier-steps.js'
import { getVisibleDossier, type Viewer } from '../../../modules/desk/dossier-queries.js'
import { FileStore } from '../../../modules/desk/file-store.js'
import { listFileReplacements, readReplacedFile } from '../../../modules/desk/file-history.js'
import { actorOf } from '../../plugins/authentication.js'
import { DossierCode, ErrorBody, PlainText } from '../../schemas.js'
import { attachmentDisposition } from '../../../domain/procedures/content-disposition.js'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }

/**
 * The counter's faster ways: a step on many dossiers at once, the lookup link of a slip, and the
 * history of a dossier's replaced files.
 */
export function registerDeskCounterRoutes(app: FastifyInstance, handle: DatabaseHandle, options: { publicBaseUrl?: string | undefined; filesDir: string }): void {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const db = handle.db
  const store = new FileStore(options.filesDir)
  const viewerOf = (request: FastifyRequest): Viewer => {
    const actor = actorOf(request)
    return { unitIds: actor.unitIds, personalData: can(actor, 'personal_data:read') }
  }

  api.post('/api/v1/dossiers/bulk-events', {
    config: { access: { permission: 'dossiers:write' as const } },
    schema: {
      summary: 'Chuyển xử lý hoặc trả kết quả nhiều hồ sơ một lần (tất cả hoặc không hồ sơ nào)',
      description: 'Nếu một hồ sơ không thực hiện được, không hồ sơ nào thay đổi; details nêu từng mã hồ sơ và lý do. Hồ sơ chưa nộp phí: 409 confirmation_required, gửi lại với confirm_unpaid_fee=true.',
      tags: ['Một cửa'],
      body: z.object({
        type: z.enum(BULK_STEP_TYPES),
        codes: z.array(DossierCode).min(1, 'Chọn ít nhất một hồ sơ').max(200, 'Tối đa 200 hồ sơ một lần'),
        confirm_unpaid_fee: z.boolean().optional(),
      }),
      response: { 200: z.object({ done: z.array(z.object({ code: z.string(), status: z.string() })) }), ...errors },
    },
    handler: async (request) => {
      const b = request.body
      const done = await recordBulkStep(db, { type: b.type, codes: b.codes, actor: actorOf(request).label, ip: request.ip, confirmUnpaidFee: b.confirm_unpaid_fee ?? false }, viewerOf(request))
      return { done }
    },
  })

  api.get('/api/v1/dossiers/:code/tracking-link', {
    config: { access: { permission: 'dossiers:read' as const } },
    schema: {
      summary: 'Địa chỉ tra cứu hồ sơ cho công dân (in trên giấy tiếp nhận, kèm mã QR)',
      tags: ['Một cửa'],
      params: z.object({ code: DossierCode }),
      response: { 200: z.object({ path: z.string(), url: z.string() }), ...errors },
    },
    handler: async (request) => {
      const dossier = await getVisibleDossier(db, request.params.code, viewerOf(request))
      const base = options.publicBaseUrl ?? `${request.protocol}://${request.host}`
      return { path: trackingPath(dossier.code), url: trackingUrl(base, dossier.code) }
    },
  })

  api.get('/api/v1/dossiers/:code/file-history', {
    config: { access: { permission: 'dossiers:read' as const } },
    schema: {
      summary: 'Các tệp số hóa đã bị thay của hồ sơ (tệp cũ được giữ lại)',
      tags: ['Một cửa'],
      params: z.object({ code: DossierCode }),
      response: {
        200: z.array(z.object({
          id: z.string().describe('Mở tệp cũ: GET …/file-history/{id}/file'),
          position: z.number().nullable().describe('Số thứ tự thành phần; null = kết quả giải quyết'),
          old_file: z.object({ name: z.string(), sha256: z.string(), uploaded_at: z.date(), uploaded_by: z.string() }),
          new_file_name: z.string(),
          reason: z.string().nullable(),
          replaced_by: z.string(),
          replaced_by_name: z.string().nullable(),
          replaced_at: z.date(),
        })),
        ...errors,
      },
    },
    handler: async (request) => {
      const dossier = await getVisibleDossier(db, request.params.code, viewerOf(request))
      return listFileReplacements(db, dossier.id)
    },
  })

  api.get('/api/v1/dossiers/:code/file-history/:id/file', {
    config: { access: { permission: 'dossiers:read' as const } },
    schema: {
      summary: 'Tải về một tệp số hóa đã bị thay (lịch sử của hồ sơ)',
      tags: ['Một cửa'],
      params: z.object({ code: DossierCode, id: z.string().regex(/^[0-9]{1,18}$/, 'Mã tệp không hợp lệ') }),
      response: { 200: z.any().describe('PDF, PNG hoặc JPEG'), ...errors },
    },
    handler: async (request, reply) => {
      const dossier = await getVisibleDossier(db, request.params.code, viewerOf(request))
      const { bytes, file } = await readReplacedFile(db, store, dossier, request.params.id, { actor: actorOf(request).label, ip: request.ip })
      const name = file.original_name
      return reply
        .header('content-type', file.media_type)
        .header('content-disposition', attachmentDisposition(name))
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .send(bytes)
    },
  })
}
