import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { DatabaseHandle } from '../../../db/open-database.js'
import { createOfficial, registerCertificate, updateOfficial } from '../../../modules/officials/manage-officials.js'
import { officialFigures } from '../../../modules/officials/official-figures.js'
import { listOfficials } from '../../../modules/officials/officials.repository.js'
import { subtreeUnitIds } from '../../../modules/units/units.repository.js'
import { Official, CertificateStageValue } from '../../../contracts/officials.js'
import { registryUnit, registryUnitIds } from '../../../modules/accounts/registry-scope.js'
import { actorOf } from '../../plugins/authentication.js'
import { ErrorBody, LocalDateParam, PlainText, UnitCode } from '../../schemas.js'

const OfficialFields = z.object({
  full_name: PlainText(200).refine((name) => name.trim().length >= 2, 'Họ và tên phải có ít nhất 2 ký tự'),
  position: PlainText(200).nullable().optional(),
  identity_number: z.string().regex(/^([0-9]{9}|[0-9]{12})$/, 'Số CMND phải có 9 chữ số, số CCCD 12 chữ số').nullable().optional(),
  handles_dossiers: z.boolean().optional(),
  national_portal_account: PlainText(100).nullable().optional(),
  ecert_right: z.boolean().optional(),
  certificate_stage: CertificateStageValue.optional(),
})

/** An uploaded file's name is only a label: no folders, no tricks, a certificate extension. */
const CertificateFileName = z
  .string()
  .max(255)
  .regex(/^[^/\\\u0000-\u001f]+\.(cer|crt|pem|der)$/i, 'Tên tệp chứng thư số không hợp lệ (không chứa thư mục; đuôi .cer, .crt, .pem hoặc .der)')
  .refine((name) => !name.startsWith('.'), 'Tên tệp không được bắt đầu bằng dấu chấm')

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody }

/** /api/v1/officials: the registry of officials' certificates, portal accounts and e-certification rights. */
export function registerOfficialRoutes(app: FastifyInstance, handle: DatabaseHandle): void {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const db = handle.db

  // The registry's scope, not the actor's subtree: a district office keeps the whole district (accounts/registry-scope).
  const editor = async (request: FastifyRequest) => ({ actor: actorOf(request).label, ip: request.ip, unitIds: await registryUnitIds(db, actorOf(request)) })
  const unitOf = async (request: FastifyRequest, code: string) => registryUnit(db, await registryUnitIds(db, actorOf(request)), code)

  api.get('/api/v1/officials', {
    config: { access: { permission: 'officials:read' } },
    schema: { summary: 'Danh sách cán bộ, chứng thư số, tài khoản DVC quốc gia', tags: ['Cán bộ'], querystring: z.object({ unit: UnitCode }), response: { 200: z.array(Official), ...errors } },
    handler: async (request) => {
      const unit = await unitOf(request, request.query.unit)
      return listOfficials(db, await subtreeUnitIds(db, unit.id))
    },
  })

  api.get('/api/v1/officials/figures', {
    config: { access: { permission: 'officials:read' } },
    schema: {
      summary: 'Số cán bộ xử lý hồ sơ chưa có chứng thư số, chưa có tài khoản; chứng thư sắp hết hạn (30 ngày)',
      tags: ['Cán bộ'],
      querystring: z.object({ unit: UnitCode, on: LocalDateParam.optional() }),
      response: { 200: z.array(z.object({ unit_code: z.string(), unit_name: z.string(), handling: z.number(), without_certificate: z.number(), without_portal_account: z.number(), expiring_within_30_days: z.number(), with_ecert_right: z.number() })), ...errors },
    },
    handler: async (request) => {
      const unit = await unitOf(request, request.query.unit)
      const on = request.query.on ? new Date(`${request.query.on}T00:00:00+07:00`) : new Date()
      return officialFigures(db, await subtreeUnitIds(db, unit.id), on)
    },
  })

  api.post('/api/v1/officials', {
    config: { access: { permission: 'officials:write' } },
    schema: { summary: 'Thêm cán bộ', tags: ['Cán bộ'], body: OfficialFields.extend({ unit: UnitCode }), response: { 200: Official, ...errors } },
    handler: async (request) => {
      const { unit: unitCode, ...fields } = request.body
      return createOfficial(db, await editor(request), await unitOf(request, unitCode), fields)
    },
  })

  api.patch('/api/v1/officials/:id', {
    config: { access: { permission: 'officials:write' } },
    schema: { summary: 'Sửa thông tin cán bộ', tags: ['Cán bộ'], params: z.object({ id: z.coerce.number().int().positive() }), body: OfficialFields.partial(), response: { 200: Official, ...errors } },
    handler: async (request) => {
      return updateOfficial(db, await editor(request), request.params.id, request.body)
    },
  })

  api.post('/api/v1/officials/:id/certificate', {
    config: { access: { permission: 'officials:write' } },
    schema: {
      summary: 'Tải lên chứng thư số (chữ ký số) của cán bộ',
      tags: ['Cán bộ'],
      params: z.object({ id: z.coerce.number().int().positive() }),
      body: z.object({ file_name: CertificateFileName, content_base64: z.string().min(1).max(100_000) }),
      response: { 200: Official, ...errors },
    },
    handler: async (request) => {
      return registerCertificate(db, await editor(request), request.params.id, { name: request.body.file_name, bytes: Buffer.from(request.body.content_base64, 'base64') })
    },
  })
}
