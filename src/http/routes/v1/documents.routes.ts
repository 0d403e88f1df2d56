import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { FileReading, FileTextHit } from '../../../contracts/documents.js'
import type { DatabaseHandle } from '../../../db/open-database.js'
import { can } from '../../../modules/accounts/actor.js'
import { getVisibleDossier } from '../../../modules/desk/dossier-queries.js'
import { readComponentText } from '../../../modules/ocr/read-file-text.js'
import { searchFileTexts } from '../../../modules/ocr/search-file-texts.js'
import { subtreeUnitIds } from '../../../modules/units/units.repository.js'
import { actorOf } from '../../plugins/authentication.js'
import { visibleUnit } from '../../visible-unit.js'
import { DossierCode, ErrorBody, PlainText, UnitCode } from '../../schemas.js'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody }
const read = { access: { permission: 'dossiers:read' as const } }

const Position = z.coerce.number().int().min(1).max(1000)

/**
 * Scanned components read: the recognised text of a component's scan (read by the OCR worker in
 * the background), and a search over those texts in the caller's units. Directives' scans are
 * read and searched with the directives (/api/v1/directives?q=, /api/v1/directives/:id/text).
 */
export function registerDocumentRoutes(app: FastifyInstance, handle: DatabaseHandle): void {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const db = handle.db
  const who = (request: FastifyRequest) => ({ actor: actorOf(request).label, ip: request.ip })
  const viewerOf = (request: FastifyRequest) => ({ unitIds: actorOf(request).unitIds, personalData: can(actorOf(request), 'personal_data:read') })

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
      summary: 'Tìm trong nội dung các bản quét thành phần hồ sơ đã đọc, gõ có dấu hoặc không dấu (văn bản chỉ đạo: GET /api/v1/directives?q=)',
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
