import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { DatabaseHandle } from '../../../db/open-database.js'
import { monthsWithData } from '../../../modules/indicators/data-months.js'
import { visibleUnit } from '../../visible-unit.js'
import { ErrorBody, UnitCode } from '../../schemas.js'

/** GET /api/v1/indicators/months: which months have data, for an empty period to point at. */
export function registerDataMonthsRoutes(app: FastifyInstance, handle: DatabaseHandle): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/indicators/months', {
    config: { access: { permission: 'indicators:read' as const } },
    schema: {
      summary: 'Các tháng có dữ liệu hồ sơ của đơn vị (kể cả đơn vị trực thuộc)',
      tags: ['Chỉ số'],
      querystring: z.object({ unit: UnitCode }),
      response: { 200: z.object({ months: z.array(z.string().describe('YYYY-MM')) }), 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
    },
    handler: async (request) => {
      const unit = await visibleUnit(handle.db, request, request.query.unit)
      return { months: await monthsWithData(handle.db, unit.id) }
    },
  })
}
