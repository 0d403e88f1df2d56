import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { FileReading, FileTextHit, IncomingDocument } from '../../../contracts/documents.js'
import type { DatabaseHandle } from '../../../db/open-database.js'
import { isLocalDate } from '../../../domain/time/local-date.js'
import { can } from '../../../modules/accounts/actor.js'
import { getVisibleDossier } from '../../../modules/desk/dossier-queries.js'
import { FileStore } from '../../../modules/desk/file-store.js'
import { listIncomingDocuments } from '../../../modules/documents/incoming-documents.repository.js'
import { recordIncomingDocument } from '../../../modules/documents/record-incoming-document.js'
import { readComponentText, readIncomingDocumentText } from '../../../modules/ocr/read-file-text.js'
import { searchFileTexts } from '../../../modules/ocr/search-file-texts.js'
import { subtreeUnitIds } from '../../../modules/units/units.repository.js'
import { actorOf } from '../../plugins/authentication.js'
import { visibleUnit } from '../../visible-unit.js'
import { ErrorBody, LocalDateParam, PlainText, UnitCode } from '../../schemas.js'
import { Base64Content, ScanFileName, UPLOAD_BODY_LIMIT } from '../../upload.schemas.js'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody }
const read = { access: { permission: 'dossiers:read' as const } }
const write = { access: { permission: 'dossiers:write' as const } }

const DossierCode = PlainText(64)
const Position = z.coerce.number().int().min(1).max(1000)

/**
 * Scanned documents read: incoming documents (văn bản đến) kept as scans, the recognised text of
 * a scan (read by the OCR worker in the background), and a search over the texts of the caller's units.
 */
export function registerDocumentRoutes(app: FastifyInstance, handle: DatabaseHandle, filesDir: string): void {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const db = handle.db
  const store = new FileStore(filesDir)
  const who = (request: FastifyRequest) => ({ actor: actorOf(request).label, ip: request.ip })
  const viewerOf = (request: FastifyRequest) => ({ unitIds: actorOf(request).unitIds, personalData: can(actorOf(request), 'personal_data:read') })

  api.post('/api/v1/incoming-documents', {
    config: write,
    bodyLimit: UPLOAD_BODY_LIMIT,
    schema: {
      summary: 'Lưu văn bản đến (bản quét PDF, PNG, JPEG; tối đa 10 MB); văn bản được đọc (OCR) sau, không phải chờ',
      tags: ['Văn bản'],
      body: z.object({
        unit: UnitCode,
        number: PlainText(60).default(''),
        title: PlainText(500).refine((t) => t.trim().length > 0, 'Trích yếu không được để trống'),
        issued_on: LocalDateParam.refine(isLocalDate, 'Ngày không có thật').optional(),
        file_name: ScanFileName,
        content_base64: Base64Content,
      }),
      response: { 200: z.object({ id: z.string() }), ...errors },
    },
    handler: async (request) => {
      const body = request.body
      const unit = await visibleUnit(db, request, body.unit)
      return recordIncomingDocument(
        db, store,
        { unit, number: body.number.trim(), title: body.title.trim(), issuedOn: body.issued_on ?? null, fileName: body.file_name, bytes: Buffer.from(body.content_base64, 'base64') },
        who(request),
      )
    },
  })

  api.get('/api/v1/incoming-documents', {
    config: read,
    schema: { summary: 'Văn bản đến của đơn vị và các đơn vị trực thuộc, mới nhất trước', tags: ['Văn bản'], querystring: z.object({ unit: UnitCode }), response: { 200: z.array(IncomingDocument), ...errors } },
    handler: async (request) => listIncomingDocuments(db, await subtreeUnitIds(db, (await visibleUnit(db, request, request.query.unit)).id)),
  })

  api.get('/api/v1/incoming-documents/:id/text', {
    config: read,
    schema: { summary: 'Nội dung đọc được (OCR) của văn bản đến', tags: ['Văn bản'], params: z.object({ id: z.string().regex(/^[0-9]{1,18}$/) }), response: { 200: FileReading, ...errors } },
    handler: async (request) => readIncomingDocumentText(db, [...actorOf(request).unitIds], request.params.id),
  })

  api.get('/api/v1/dossiers/:code/components/:position/text', {
    config: read,
    schema: { summary: 'Nội dung đọc được (OCR) từ bản quét của một thành phần hồ sơ', tags: ['Một cửa'], params: z.object({ code: DossierCode, position: Position }), response: { 200: FileReading, ...errors } },
    handler: async (request) => {
      const dossier = await getVisibleDossier(db, request.params.code, viewerOf(request))
      return readComponentText(db, dossier, request.params.position, who(request))
    },
  })

  api.get('/api/v1/file-texts', {
    config: read,
    schema: {
      summary: 'Tìm trong nội dung các bản quét đã đọc (thành phần hồ sơ, văn bản đến), gõ có dấu hoặc không dấu',
      tags: ['Văn bản'],
      querystring: z.object({ unit: UnitCode, q: z.string().max(200).regex(/^[^\u0000-\u001f\u007f]*$/, 'Không được chứa ký tự điều khiển') }),
      response: { 200: z.array(FileTextHit), ...errors },
    },
    handler: async (request) => {
      const unit = await visibleUnit(db, request, request.query.unit)
      return searchFileTexts(db, await subtreeUnitIds(db, unit.id), request.query.q, who(request))
    },
  })
}
