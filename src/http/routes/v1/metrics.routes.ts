import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { FigureCache } from '../../../modules/figure-cache/figure-cache.js'

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

/** /api/v1/metrics: how the figure cache has served since the server started (administrators). */
export function registerMetricsRoutes(app: FastifyInstance, figures: FigureCache): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/metrics', {
    config: { access: { permission: 'audit:read' as const } },
    schema: {
      summary: 'Số liệu vận hành: bộ nhớ đệm số liệu (trúng, trượt, gộp, bỏ dở)',
      tags: ['Vận hành'],
      response: { 200: z.object({ figure_cache: CacheStats }) },
    },
    handler: async () => ({ figure_cache: figures.stats() }),
  })
}
