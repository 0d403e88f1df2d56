import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { UnitListItem } from '../../../contracts/units.js'
import type { DatabaseHandle } from '../../../db/open-database.js'
import { listUnitsWithParent, unitTreeAsOf } from '../../../modules/units/units.repository.js'
import { LocalDateParam } from '../../schemas.js'
import { actorOf } from '../../plugins/authentication.js'

/** GET /api/v1/units: the unit tree, for choosing a unit. */
export function registerUnitRoutes(app: FastifyInstance, handle: DatabaseHandle): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/units', {
    config: { access: { permission: 'indicators:read' } },
    schema: {
      summary: 'Danh sách đơn vị (cây đơn vị hành chính)',
      tags: ['Đơn vị'],
      description: 'Với as_of: cây đơn vị tại ngày đó (chỉ các đơn vị còn hiệu lực, mỗi đơn vị dưới cấp trên của ngày đó). Không có as_of: mọi đơn vị, kể cả đã giải thể.',
      querystring: z.object({ as_of: LocalDateParam.optional().describe('Ngày của cây đơn vị (YYYY-MM-DD)') }),
      response: {
        200: z.array(UnitListItem),
      },
    },
    // Only the units the caller may see: its unit and everything below it.
    handler: async (request) => {
      const asOf = request.query.as_of
      if (asOf === undefined) return listUnitsWithParent(handle.db, actorOf(request).unitIds)
      return (await unitTreeAsOf(handle.db, asOf, actorOf(request).unitIds)).map(({ id: _id, ...unit }) => unit)
    },
  })
}
