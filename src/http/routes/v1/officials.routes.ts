import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { DatabaseHandle } from '../../../db/open-database.js'
import { AppError, ErrorCode } from '../../../domain/shared/app-error.js'
import { writeAudit } from '../../../modules/audit/write-audit.js'
import { officialFigures } from '../../../modules/officials/official-figures.js'
import { readCertificate } from '../../../modules/officials/read-certificate.js'
import { actorOf } from '../../plugins/authentication.js'
import { visibleUnit } from '../../visible-unit.js'
import { ErrorBody, LocalDateParam, PlainText, UnitCode } from '../../schemas.js'

const Official = z.object({
  id: z.number(),
  unit_code: z.string(),
  unit_name: z.string(),
  full_name: z.string(),
  position: z.string().nullable(),
  handles_dossiers: z.boolean(),
  national_portal_account: z.string().nullable(),
  ecert_right: z.boolean(),
  certificate: z.object({ serial: z.string(), subject: z.string(), issuer: z.string(), valid_from: z.date(), valid_to: z.date(), registered_at: z.date().nullable() }).nullable(),
})

const OfficialFields = z.object({
  full_name: PlainText(200),
  position: PlainText(200).nullable().optional(),
  handles_dossiers: z.boolean().optional(),
  national_portal_account: PlainText(100).nullable().optional(),
  ecert_right: z.boolean().optional(),
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

  const listOfficials = async (unitIds: readonly number[], id?: number) => {
    let query = db
      .selectFrom('officials as o')
      .innerJoin('units as u', 'u.id', 'o.unit_id')
      .select([
        'o.id', 'u.code as unit_code', 'u.name as unit_name', 'o.full_name', 'o.position', 'o.handles_dossiers', 'o.national_portal_account', 'o.ecert_right',
        'o.certificate_serial', 'o.certificate_subject', 'o.certificate_issuer', 'o.certificate_valid_from', 'o.certificate_valid_to', 'o.certificate_registered_at',
      ])
      .where('o.unit_id', 'in', [...unitIds])
      .orderBy('u.code')
      .orderBy('o.full_name')
    if (id !== undefined) query = query.where('o.id', '=', id)
    const rows = await query.execute()
    return rows.map((r) => ({
      id: r.id, unit_code: r.unit_code, unit_name: r.unit_name, full_name: r.full_name, position: r.position, handles_dossiers: r.handles_dossiers,
      national_portal_account: r.national_portal_account, ecert_right: r.ecert_right,
      certificate: r.certificate_serial && r.certificate_valid_from && r.certificate_valid_to
        ? { serial: r.certificate_serial, subject: r.certificate_subject ?? '', issuer: r.certificate_issuer ?? '', valid_from: r.certificate_valid_from, valid_to: r.certificate_valid_to, registered_at: r.certificate_registered_at }
        : null,
    }))
  }

  /** The official, if the caller may see its unit; otherwise not found. */
  const visibleOfficial = async (request: FastifyRequest, id: number) => {
    const [official] = await listOfficials([...actorOf(request).unitIds], id)
    if (!official) throw new AppError(ErrorCode.notFound, `official ${id} not visible`, 'Không tìm thấy cán bộ này trong phạm vi bạn được xem')
    return official
  }

  api.get('/api/v1/officials', {
    config: { access: { permission: 'officials:read' } },
    schema: { summary: 'Danh sách cán bộ, chứng thư số, tài khoản DVC quốc gia', tags: ['Cán bộ'], querystring: z.object({ unit: UnitCode }), response: { 200: z.array(Official), ...errors } },
    handler: async (request) => {
      const unit = await visibleUnit(db, request, request.query.unit)
      const subtree = await db.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', unit.id).execute()
      return listOfficials(subtree.map((r) => r.descendant_id))
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
      const unit = await visibleUnit(db, request, request.query.unit)
      const subtree = await db.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', unit.id).execute()
      const on = request.query.on ? new Date(`${request.query.on}T00:00:00+07:00`) : new Date()
      return officialFigures(db, subtree.map((r) => r.descendant_id), on)
    },
  })

  api.post('/api/v1/officials', {
    config: { access: { permission: 'officials:write' } },
    schema: { summary: 'Thêm cán bộ', tags: ['Cán bộ'], body: OfficialFields.extend({ unit: UnitCode }), response: { 200: Official, ...errors } },
    handler: async (request) => {
      const unit = await visibleUnit(db, request, request.body.unit)
      const b = request.body
      const id = await db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('officials')
          .values({ unit_id: unit.id, full_name: b.full_name, position: b.position ?? null, handles_dossiers: b.handles_dossiers ?? true, national_portal_account: b.national_portal_account ?? null, ecert_right: b.ecert_right ?? false })
          .returning('id')
          .executeTakeFirstOrThrow()
        await writeAudit(trx, { actor: actorOf(request).label, ip: request.ip, action: 'official.create', entity: 'official', entityId: String(row.id), summary: { unit: unit.code, full_name: b.full_name } })
        return row.id
      })
      return visibleOfficial(request, id)
    },
  })

  api.patch('/api/v1/officials/:id', {
    config: { access: { permission: 'officials:write' } },
    schema: { summary: 'Sửa thông tin cán bộ', tags: ['Cán bộ'], params: z.object({ id: z.coerce.number().int().positive() }), body: OfficialFields.partial(), response: { 200: Official, ...errors } },
    handler: async (request) => {
      const before = await visibleOfficial(request, request.params.id)
      const b = request.body
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('officials')
          .set({
            ...(b.full_name !== undefined ? { full_name: b.full_name } : {}),
            ...(b.position !== undefined ? { position: b.position } : {}),
            ...(b.handles_dossiers !== undefined ? { handles_dossiers: b.handles_dossiers } : {}),
            ...(b.national_portal_account !== undefined ? { national_portal_account: b.national_portal_account } : {}),
            ...(b.ecert_right !== undefined ? { ecert_right: b.ecert_right } : {}),
            updated_at: new Date(),
          })
          .where('id', '=', before.id)
          .execute()
        await writeAudit(trx, { actor: actorOf(request).label, ip: request.ip, action: 'official.update', entity: 'official', entityId: String(before.id), summary: { changed: Object.keys(b) } })
      })
      return visibleOfficial(request, before.id)
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
      const official = await visibleOfficial(request, request.params.id)
      const facts = readCertificate(Buffer.from(request.body.content_base64, 'base64'))
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('officials')
          .set({
            certificate_der: facts.der, certificate_serial: facts.serial, certificate_subject: facts.subject, certificate_issuer: facts.issuer,
            certificate_valid_from: facts.validFrom, certificate_valid_to: facts.validTo, certificate_registered_at: new Date(), updated_at: new Date(),
          })
          .where('id', '=', official.id)
          .execute()
        await writeAudit(trx, {
          actor: actorOf(request).label, ip: request.ip, action: 'official.certificate', entity: 'official', entityId: String(official.id),
          summary: { file_name: request.body.file_name, serial: facts.serial, valid_to: facts.validTo.toISOString(), before: official.certificate?.serial ?? null },
        })
      })
      return visibleOfficial(request, official.id)
    },
  })
}
