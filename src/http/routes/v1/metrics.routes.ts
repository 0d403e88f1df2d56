import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ErrorBody } from '../../../contracts/common.js'
import { assertAtRoot } from '../../../modules/accounts/actor.js'
import type { FigureCache } from '../../../modules/figure-cache/figure-cache.js'
import { actorOf } from '../../plugins/authentication.js'

const CacheStats = z.object({
  hits: z.number(),
  misses: z.number(),
  coalesced: z.number(),
  abandoned: z.number(),
  entries: z.number(),
  maxEntries: z.number(),
  version: z.number().nullable(),
  computing: z.number(),
  waiting: z.number(),
})

/** /api/v1/metrics: how the figure cache has served since the server started (administrators at the province). */
export function registerMetricsRoutes(app: FastifyInstance, figures: FigureCache): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/metrics', {
    config: { access: { permission: 'audit:read' as const } },
    schema: {
      summary: 'Số liệu vận hành: bộ nhớ đệm số liệu (trúng, trượt, gộp, bỏ dở)',
      tags: ['Vận hành'],
      response: { 200: z.object({ figure_cache: CacheStats }), 403: ErrorBody },
    },
    // The cache serves the whole province (its version counts every unit's writes): the province's to read.
    handler: async (request) => {
      assertAtRoot(actorOf(request), 'xem số liệu vận hành của cả tỉnh')
      return { figure_cache: figures.stats() }
    },
  })
}
