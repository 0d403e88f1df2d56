import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { HandOverUnit } from '../../../contracts/desk-work.js'
import type { DatabaseHandle } from '../../../db/open-database.js'
import { can } from '../../../modules/accounts/actor.js'
import { handOverOptions } from '../../../modules/desk/assignment/hand-over-options.js'
import { getVisibleDossier } from '../../../modules/desk/dossier-queries.js'
import { actorOf } from '../../plugins/authentication.js'
import { DossierCode, ErrorBody, PlainText } from '../../schemas.js'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody }

/** GET /api/v1/dossiers/:code/hand-over-options: whom the desk may hand a dossier to. */
export function registerHandOverRoutes(app: FastifyInstance, handle: DatabaseHandle): void {
  const api = app.withTypeProvider<ZodTypeProvider>()
  api.get('/api/v1/dossiers/:code/hand-over-options', {
    config: { access: { permission: 'dossiers:write' as const } },
    schema: {
      summary: 'Chuyển xử lý: các đơn vị nhận được hồ sơ và chuyên viên xử lý của từng đơn vị',
      tags: ['Một cửa'],
      params: z.object({ code: DossierCode }),
      response: { 200: z.array(HandOverUnit), ...errors },
    },
    handler: async (request) => {
      const actor = actorOf(request)
      const dossier = await getVisibleDossier(handle.db, request.params.code, { unitIds: actor.unitIds, personalData: can(actor, 'personal_data:read') })
      return handOverOptions(handle.db, dossier, actor.unitIds)
    },
  })
}
