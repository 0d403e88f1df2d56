import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { DossierDetails } from '../../../contracts/desk.js'
import { EcertRegister, UnitCredential } from '../../../contracts/signatures.js'
import type { DatabaseHandle } from '../../../db/open-database.js'
import { AppError, ErrorCode } from '../../../domain/shared/app-error.js'
import { can } from '../../../modules/accounts/actor.js'
import { getDossierPage, getVisibleDossier, type Viewer } from '../../../modules/desk/dossier-queries.js'
import { assertActsFor, RECORD_SIDES, sidesActedFor } from '../../../domain/dossiers/dossier-sides.js'
import { FileStore } from '../../../modules/desk/file-store.js'
import { certifyCopy } from '../../../modules/signatures/certify-copy.js'
import { exportEcertRegister } from '../../../modules/signatures/export-ecert-register.js'
import { listEcertRegister } from '../../../modules/signatures/ecert-register.repository.js'
import { registerOfficialCredential, registerUnitCredential } from '../../../modules/signatures/register-signing-credential.js'
import { signDossierResult } from '../../../modules/signatures/sign-dossier-result.js'
import type { SignatureSetup } from '../../../modules/signatures/signature-setup.js'
import { toVietnamDate } from '../../../domain/time/vietnam-time.js'
import { actorOf } from '../../plugins/authentication.js'
import { DossierCode, ErrorBody, PlainText, UnitCode } from '../../schemas.js'
import { visibleUnit } from '../../visible-unit.js'
import { Base64Content, UPLOAD_BODY_LIMIT, decodeUpload } from '../../upload.schemas.js'
import { attachmentDisposition } from '../../../domain/procedures/content-disposition.js'

const P12FileName = z.string().max(255).regex(/^[^/\\\u0000-\u001f]+\.(p12|pfx)$/i, 'Tên tệp chứng thư số không hợp lệ (không chứa thư mục; đuôi .p12 hoặc .pfx)')
const PdfFileName = z.string().max(255).regex(/^[^/\\\u0000-\u001f]+\.pdf$/i, 'Tên tệp không hợp lệ (không chứa thư mục; đuôi .pdf)')
const CredentialBody = z.object({ file_name: P12FileName, content_base64: Base64Content, password: z.string().max(200).describe('Mật khẩu của tệp PKCS#12') })
const Year = z.coerce.number().int().min(2000).max(2200)
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }

/**
 * Signing at the desk and the certification register: credentials held for officials and units,
 * a leader signing a dossier's result, e-certified copies (chứng thực bản sao điện tử) and the
 * register (JSON and XLSX).
 */
export function registerSignatureRoutes(app: FastifyInstance, handle: DatabaseHandle, filesDir: string, setup: SignatureSetup): void {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const db = handle.db
  const store = new FileStore(filesDir)
  const viewerOf = (request: FastifyRequest): Viewer => {
    const actor = actorOf(request)
    return { unitIds: actor.unitIds, personalData: can(actor, 'personal_data:read') }
  }
  const editor = (request: FastifyRequest) => ({ actor: actorOf(request).label, ip: request.ip, unitIds: actorOf(request).unitIds })
  const decode = decodeUpload

  api.post('/api/v1/officials/:id/signing-credential', {
    config: { access: { permission: 'officials:write' } },
    bodyLimit: UPLOAD_BODY_LIMIT,
    schema: {
      summary: 'Đăng ký chứng thư số (PKCS#12) để cán bộ ký số kết quả; tài khoản (account) là tài khoản đăng nhập ký thay mặt cán bộ',
      tags: ['Chữ ký số'],
      params: z.object({ id: z.coerce.number().int().min(1) }),
      body: CredentialBody.extend({ account: PlainText(100).optional().describe('Tên đăng nhập của cán bộ') }),
      response: { 200: z.object({ id: z.number(), full_name: z.string(), certificate_serial: z.string().nullable() }), ...errors },
    },
    handler: async (request) => {
      const b = request.body
      const official = await registerOfficialCredential(db, setup.sealingKey, editor(request), request.params.id, { fileName: b.file_name, p12: decode(b.content_base64), password: b.password }, b.account)
      return { id: official.id, full_name: official.full_name, certificate_serial: official.certificate?.serial ?? null }
    },
  })

  api.post('/api/v1/units/:code/signing-credential', {
    config: { access: { permission: 'officials:write' } },
    bodyLimit: UPLOAD_BODY_LIMIT,
    schema: {
      summary: 'Đăng ký chứng thư số của đơn vị (ký bản sao điện tử được chứng thực)',
      tags: ['Chữ ký số'],
      params: z.object({ code: UnitCode }),
      body: CredentialBody,
      response: { 200: UnitCredential, ...errors },
    },
    handler: async (request) => {
      const unit = await visibleUnit(db, request, request.params.code)
      const b = request.body
      return registerUnitCredential(db, setup.sealingKey, editor(request), { id: unit.id, code: unit.code }, { fileName: b.file_name, p12: decode(b.content_base64), password: b.password })
    },
  })

  api.post('/api/v1/dossiers/:code/result/sign', {
    config: { access: { permission: 'dossiers:write' } },
    schema: {
      summary: 'Lãnh đạo ký số kết quả giải quyết (PDF) bằng chứng thư số đã đăng ký cho mình',
      tags: ['Chữ ký số'],
      params: z.object({ code: DossierCode }),
      body: z.object({ reason: PlainText(300).optional() }),
      response: { 200: DossierDetails, ...errors },
    },
    handler: async (request) => {
      const actor = actorOf(request)
      const viewer = viewerOf(request)
      const dossier = await getVisibleDossier(db, request.params.code, viewer)
      assertActsFor(RECORD_SIDES.resultSignature, sidesActedFor(dossier, viewer.unitIds), 'Ký số kết quả giải quyết')
      if (actor.kind !== 'user') throw new AppError(ErrorCode.forbidden, 'tokens do not sign', 'Chỉ cán bộ đăng nhập mới ký số được')
      await signDossierResult(db, store, setup, dossier.id, { userId: actor.id, role: actor.role, actor: actor.label, ip: request.ip }, request.body.reason)
      return getDossierPage(db, dossier.code, viewer)
    },
  })

  api.post('/api/v1/dossiers/:code/ecert-copies', {
    config: { access: { permission: 'dossiers:write' } },
    bodyLimit: UPLOAD_BODY_LIMIT,
    schema: {
      summary: 'Chứng thực bản sao điện tử từ bản chính: bản quét bản chính (PDF) được ký số bằng chứng thư của đơn vị, ghi số vào sổ chứng thực, ghi lệ phí',
      tags: ['Chữ ký số'],
      params: z.object({ code: DossierCode }),
      body: z.object({
        document_name: PlainText(300).describe('Tên bản chính giấy tờ, văn bản'),
        copies: z.number().int().min(1).max(1000).default(1).describe('Số bản sao'),
        fee_vnd: z.number().int().min(0).max(100_000_000).describe('Lệ phí chứng thực (đồng)'),
        file_name: PdfFileName,
        content_base64: Base64Content.describe('Bản quét bản chính, PDF'),
      }),
      response: { 200: DossierDetails, ...errors },
    },
    handler: async (request) => {
      const viewer = viewerOf(request)
      const actor = actorOf(request)
      const dossier = await getVisibleDossier(db, request.params.code, viewer)
      const b = request.body
      await certifyCopy(db, store, setup, dossier.id, {
        documentName: b.document_name, copies: b.copies, feeVnd: b.fee_vnd, original: { fileName: b.file_name, bytes: decode(b.content_base64) },
        certifierUserId: actor.kind === 'user' ? actor.id : null, certifierUnitId: actor.unitId, actor: actor.label, ip: request.ip,
      })
      return getDossierPage(db, dossier.code, viewer)
    },
  })

  const currentYear = () => Number(toVietnamDate(new Date()).slice(0, 4))

  api.get('/api/v1/ecert-register', {
    config: { access: { permission: 'dossiers:read' } },
    schema: {
      summary: 'Sổ chứng thực bản sao điện tử từ bản chính của đơn vị trong một năm',
      tags: ['Chữ ký số'],
      querystring: z.object({ unit: UnitCode, year: Year.optional() }),
      response: { 200: EcertRegister, ...errors },
    },
    handler: async (request) => {
      const unit = await visibleUnit(db, request, request.query.unit)
      const year = request.query.year ?? currentYear()
      const entries = await listEcertRegister(db, unit.id, year)
      return {
        unit_code: unit.code, unit_name: unit.name, year, entries,
        total_copies: entries.reduce((n, e) => n + e.copies, 0), total_fee_vnd: entries.reduce((n, e) => n + e.fee_vnd, 0),
      }
    },
  })

  api.get('/api/v1/ecert-register.xlsx', {
    config: { access: { permission: 'dossiers:read' } },
    schema: {
      summary: 'Sổ chứng thực bản sao điện tử (XLSX, khổ A4 ngang)',
      tags: ['Chữ ký số'],
      querystring: z.object({ unit: UnitCode, year: Year.optional() }),
      response: { 200: z.any().describe('XLSX'), ...errors },
    },
    handler: async (request, reply) => {
      const unit = await visibleUnit(db, request, request.query.unit)
      const year = request.query.year ?? currentYear()
      const bytes = await exportEcertRegister(db, unit, year, { actor: actorOf(request).label, ip: request.ip })
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', attachmentDisposition(`so-chung-thuc-${unit.code}-${year}.xlsx`))
        .send(bytes)
    },
  })

}
