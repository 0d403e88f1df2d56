import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { CertificateImportReport, RegistryListAnswer, RegistryListValue, RegistryScope } from '../../../contracts/officials.js'
import type { DatabaseHandle } from '../../../db/open-database.js'
import { startOfVietnamDay } from '../../../domain/time/vietnam-time.js'
import type { LocalDate } from '../../../domain/time/local-date.js'
import { registryUnit, registryUnitIds } from '../../../modules/accounts/registry-scope.js'
import { certificateFilesOfUpload } from '../../../modules/officials/certificate-files.js'
import { exportRegistryList } from '../../../modules/officials/export-registry-list.js'
import { importCertificates } from '../../../modules/officials/import-certificates.js'
import { registryList } from '../../../modules/officials/registry-lists.js'
import { getUnitById, listUnitsWithParent, subtreeUnitIds } from '../../../modules/units/units.repository.js'
import { actorOf } from '../../plugins/authentication.js'
import { ErrorBody, LocalDateParam, UnitCode } from '../../schemas.js'
import { attachmentDisposition } from '../../../domain/procedures/content-disposition.js'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody }
const read = { access: { permission: 'officials:read' as const } }

/** An uploaded file's name is only a label: no folders, a certificate or zip extension. */
const UploadName = z
  .string()
  .max(255)
  .regex(/^[^/\\\u0000-\u001f]+\.(cer|crt|pem|der|p12|pfx|zip)$/i, 'Tên tệp không hợp lệ (không chứa thư mục; đuôi .cer, .crt, .pem, .der, .p12, .pfx hoặc .zip)')
  .refine((name) => !name.startsWith('.'), 'Tên tệp không được bắt đầu bằng dấu chấm')
// 8 MB of files at most: a district's certificates are a few hundred KB.
const IMPORT_BODY_LIMIT = 12 * 1024 * 1024

const ListQuery = z.object({ unit: UnitCode, on: LocalDateParam.optional().describe('Ngày lập danh sách (mặc định hôm nay)') })

/** /api/v1/officials/…: the registry's scope, its printable lists (JSON, XLSX) and the bulk import of certificates. */
export function registerOfficialRegistryRoutes(app: FastifyInstance, handle: DatabaseHandle): void {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const db = handle.db
  const scopeOf = async (request: FastifyRequest, code: string) => {
    const unitIds = await registryUnitIds(db, actorOf(request))
    const unit = await registryUnit(db, unitIds, code)
    return { unitIds: await subtreeUnitIds(db, unit.id), unit }
  }
  const dayOf = (on: string | undefined) => (on ? startOfVietnamDay(on as LocalDate) : new Date())

  api.get('/api/v1/officials/scope', {
    config: read,
    schema: { summary: 'Phạm vi danh sách cán bộ của tài khoản (phòng chuyên môn cấp huyện: cả huyện)', tags: ['Cán bộ'], response: { 200: RegistryScope, ...errors } },
    handler: async (request) => {
      const unitIds = await registryUnitIds(db, actorOf(request))
      const units = await listUnitsWithParent(db, unitIds)
      const root = units.find((u) => u.parent_code === null || !units.some((p) => p.code === u.parent_code)) ?? (await getUnitById(db, actorOf(request).unitId))
      return { unit_code: root.code, units }
    },
  })

  api.get('/api/v1/officials/lists/:list', {
    config: read,
    schema: {
      summary: 'Danh sách để in: cán bộ chưa có chữ ký số hoặc tài khoản; tài khoản chưa có quyền chứng thực điện tử; chứng thư hết hạn trong 30 ngày',
      tags: ['Cán bộ'],
      params: z.object({ list: RegistryListValue }),
      querystring: ListQuery,
      response: { 200: RegistryListAnswer, ...errors },
    },
    handler: async (request) => registryList(db, request.params.list, await scopeOf(request, request.query.unit), dayOf(request.query.on)),
  })

  api.get('/api/v1/officials/lists/:list/xlsx', {
    config: read,
    schema: { summary: 'Danh sách để in, tệp XLSX (A4)', tags: ['Cán bộ'], params: z.object({ list: RegistryListValue }), querystring: ListQuery, response: { 200: z.any().describe('Tệp XLSX'), ...errors } },
    handler: async (request, reply) => {
      const file = await exportRegistryList(db, { actor: actorOf(request).label, ip: request.ip }, request.params.list, await scopeOf(request, request.query.unit), dayOf(request.query.on))
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', attachmentDisposition(file.filename))
        .header('cache-control', 'no-store')
        .send(file.bytes)
    },
  })

  api.post('/api/v1/officials/certificate-import', {
    config: { access: { permission: 'officials:write' } },
    bodyLimit: IMPORT_BODY_LIMIT,
    schema: {
      summary: 'Nhập hàng loạt chứng thư số (.cer, .crt, .pem, .p12 hoặc một tệp .zip), khớp với cán bộ theo số CMND/CCCD hoặc họ tên',
      tags: ['Cán bộ'],
      body: z.object({
        unit: UnitCode.optional().describe('Chỉ khớp với cán bộ của đơn vị này (mặc định: cả phạm vi)'),
        dry_run: z.boolean().default(false),
        password: z.string().max(200).optional().describe('Mật khẩu của các tệp .p12 (nếu có)'),
        files: z.array(z.object({ file_name: UploadName, content_base64: z.string().min(1).max(11_200_000).regex(/^[A-Za-z0-9+/]+={0,2}$/, 'Nội dung tệp phải được mã hóa base64') })).min(1).max(5000),
      }),
      response: { 200: CertificateImportReport, ...errors },
    },
    handler: async (request) => {
      const body = request.body
      const registry = await registryUnitIds(db, actorOf(request))
      const unitIds = body.unit ? new Set(await subtreeUnitIds(db, (await registryUnit(db, registry, body.unit)).id)) : registry
      const sources = await certificateFilesOfUpload(body.files.map((f) => ({ name: f.file_name, bytes: Buffer.from(f.content_base64, 'base64') })))
      return importCertificates(db, { actor: actorOf(request).label, ip: request.ip, unitIds }, sources, { dryRun: body.dry_run, passwords: body.password ? [body.password] : [] })
    },
  })
}
