import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { Publication, PublicationListItem, PublicationResponse } from '../../../contracts/procedures.js'
import type { DatabaseHandle } from '../../../db/open-database.js'
import { nationalDbOnTime, publishedOnTime } from '../../../domain/procedures/publication.js'
import { loadWorkingCalendar } from '../../../modules/calendar/load-working-calendar.js'
import { getProcedurePublication, listProcedurePublications, setProcedurePublication, type PublicationOfVersion } from '../../../modules/procedures/set-procedure-publication.js'
import { actorOf } from '../../plugins/authentication.js'
import { ErrorBody, PlainText, ProcedureCode } from '../../schemas.js'


const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }

function toBody(p: PublicationOfVersion): z.infer<typeof PublicationResponse> {
  return {
    code: p.code, version: p.version, decision_number: p.decisionNumber, decided_on: p.decidedOn, legal_basis_effective_on: p.legalBasisEffectiveOn,
    made_public_on: p.madePublicOn, national_db_updated_on: p.nationalDbUpdatedOn, all_parts_published: p.allPartsPublished, uses_population_data: p.usesPopulationData,
    payment_integrated: p.paymentIntegrated,
  }
}

/** /api/v1/procedures/:code/publication: the publication facts Decision 766 scores (1.1–1.3, 3.5 B, 4.5a). */
export function registerProcedurePublicationRoutes(app: FastifyInstance, handle: DatabaseHandle): void {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const db = handle.db

  api.get('/api/v1/procedure-publications', {
    config: { access: { permission: 'indicators:read' } },
    schema: {
      summary: 'Công bố, công khai của mọi thủ tục (phiên bản hiện hành), với nhận định đúng hạn cho chỉ số 1.1 và 1.2',
      tags: ['Thủ tục hành chính'],
      response: {
        200: z.array(PublicationListItem),
        ...errors,
      },
    },
    handler: async () => {
      const calendar = await loadWorkingCalendar(db)
      return (await listProcedurePublications(db)).map((p) => ({
        ...toBody(p), name: p.name, level: p.level, published_on_time: publishedOnTime(calendar, p), national_db_on_time: nationalDbOnTime(calendar, p),
      }))
    },
  })

  api.get('/api/v1/procedures/:code/publication', {
    config: { access: { permission: 'indicators:read' } },
    schema: { summary: 'Công bố, công khai của phiên bản hiện hành của thủ tục', tags: ['Thủ tục hành chính'], params: z.object({ code: ProcedureCode }), response: { 200: PublicationResponse, ...errors } },
    handler: async (request) => toBody(await getProcedurePublication(db, request.params.code)),
  })

  api.put('/api/v1/procedures/:code/publication', {
    // import:write acts on the province's shared data: the access check refuses actors below the root.
    config: { access: { permission: 'import:write' } },
    schema: {
      summary: 'Ghi nhận công bố, công khai của phiên bản hiện hành của thủ tục (thay toàn bộ; null = chưa biết)',
      tags: ['Thủ tục hành chính'],
      params: z.object({ code: ProcedureCode }),
      body: Publication,
      response: { 200: PublicationResponse, ...errors },
    },
    handler: async (request) => {
      const b = request.body
      const saved = await setProcedurePublication(db, request.params.code, {
        decisionNumber: b.decision_number, decidedOn: b.decided_on, legalBasisEffectiveOn: b.legal_basis_effective_on, madePublicOn: b.made_public_on,
        nationalDbUpdatedOn: b.national_db_updated_on, allPartsPublished: b.all_parts_published, usesPopulationData: b.uses_population_data,
        paymentIntegrated: b.payment_integrated,
      }, { actor: actorOf(request).label, ip: request.ip })
      return toBody(saved)
    },
  })
}
