import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { DatabaseHandle } from '../../../db/open-database.js'
import type { LocalDate } from '../../../domain/time/local-date.js'
import { actorOf } from '../../plugins/authentication.js'
import { listCitedDocuments } from '../../../modules/letters/cited-documents.repository.js'
import { addCitedDocument } from '../../../modules/letters/save-cited-document.js'
import { visibleUnit } from '../../visible-unit.js'
import { ErrorBody, LocalDateParam, PlainText, UnitCode } from '../../schemas.js'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody }
const Topic = z.string().regex(/^[a-z0-9_-]{1,40}$/, 'Chủ đề chỉ gồm chữ thường không dấu, số, gạch ngang, gạch dưới').describe('Chủ đề, ví dụ digitization')

const CitedDocument = z.object({
  id: z.number(),
  unitCode: z.string(),
  topic: z.string(),
  year: z.number(),
  role: z.enum(['basis', 'letter']),
  docType: z.string(),
  number: z.string(),
  issuedOn: z.string(),
  issuer: z.string(),
  about: z.string(),
  position: z.number(),
})

/**
 * /api/v1/letters/…: what a unit's letters cite (plans and decisions per topic and year) and its
 * recorded outgoing letters, the same use cases as `references add` and `letters record`.
 */
export function registerLetterRoutes(app: FastifyInstance, handle: DatabaseHandle): void {
  const api = app.withTypeProvider<ZodTypeProvider>()

  api.get('/api/v1/letters/cited-documents', {
    config: { access: { permission: 'indicators:read' } },
    schema: {
      summary: 'Văn bản căn cứ và công văn đã ban hành mà công văn của đơn vị dẫn chiếu',
      tags: ['Công văn'],
      querystring: z.object({ unit: UnitCode, topic: Topic.optional(), year: z.coerce.number().int().min(2000).max(2200).optional() }),
      response: { 200: z.array(CitedDocument), ...errors },
    },
    handler: async (request) => {
      const unit = await visibleUnit(handle.db, request, request.query.unit)
      return listCitedDocuments(handle.db, unit.code, { topic: request.query.topic, year: request.query.year })
    },
  })

  api.post('/api/v1/letters/cited-documents', {
    config: { access: { permission: 'targets:write' } },
    schema: {
      summary: 'Thêm văn bản căn cứ (kế hoạch, quyết định) cho công văn theo năm và chủ đề, hoặc ghi số, ngày một công văn đã ban hành',
      tags: ['Công văn'],
      body: z.object({
        unit: UnitCode,
        topic: Topic,
        role: z.enum(['basis', 'letter']).default('basis').describe('basis: văn bản căn cứ; letter: công văn của đơn vị đã ban hành'),
        year: z.number().int().min(2000).max(2200).optional().describe('Năm áp dụng; mặc định năm của ngày ban hành'),
        doc_type: PlainText(60).default('Công văn'),
        number: PlainText(60),
        issued_on: LocalDateParam,
        issuer: PlainText(200).optional(),
        about: PlainText(1000).optional(),
        position: z.number().int().min(0).max(1000).default(0),
      }),
      response: { 200: z.object({ id: z.number(), inserted: z.boolean() }), ...errors },
    },
    handler: async (request) => {
      const b = request.body
      const unit = await visibleUnit(handle.db, request, b.unit)
      const doc = {
        topic: b.topic, year: b.year ?? Number(b.issued_on.slice(0, 4)), role: b.role, docType: b.doc_type, number: b.number,
        issuedOn: b.issued_on as LocalDate, issuer: b.role === 'letter' ? '' : (b.issuer ?? ''), about: b.about ?? '', position: b.position,
      }
      return addCitedDocument(handle.db, unit.code, doc, actorOf(request).label)
    },
  })
}
