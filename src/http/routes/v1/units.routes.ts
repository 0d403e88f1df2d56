import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { UnitListItem } from '../../../contracts/units.js'
import type { DatabaseHandle } from '../../../db/open-database.js'
import { listUnitsWithParent } from '../../../modules/units/units.repository.js'
import { actorOf } from '../../plugins/authentication.js'

/** GET /api/v1/units: the unit tree, for choosing a unit. */
export function registerUnitRoutes(app: FastifyInstance, handle: DatabaseHandle): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/units', {
    config: { access: { permission: 'indicators:read' } },
    schema: {
      summary: 'Danh sách đơn vị (cây đơn vị hành chính)',
      tags: ['Đơn vị'],
      response: {
        200: z.array(UnitListItem),
      },
    },
    // Only the units the caller may see: its unit and everything below it.
    handler: async (request) => listUnitsWithParent(handle.db, actorOf(request).unitIds),
  })
}
