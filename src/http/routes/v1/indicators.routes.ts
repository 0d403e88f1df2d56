import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { DatabaseHandle } from '../../../db/open-database.js'
import type { IndicatorId } from '../../../domain/indicators/indicator-id.js'
import { checkPeriod } from '../../../domain/indicators/period.js'
import type { Granularity } from '../../../domain/indicators/series-buckets.js'
import { thresholdLists } from '../../../domain/indicators/threshold-lists.js'
import { dossiersBehindFigure } from '../../../modules/indicators/dossiers-behind.js'
import { getIndicatorSeries } from '../../../modules/indicators/get-series.js'
import { getIndicatorTable, isRankedPeer } from '../../../modules/indicators/indicator-table.js'
import { rankAmongKind } from '../../../modules/indicators/rank-among-kind.js'
import type { FigureCache } from '../../../modules/figure-cache/figure-cache.js'
import { cachedAnswer, cachedJson } from '../../cached-answer.js'
import { actorOf } from '../../plugins/authentication.js'
import { visibleUnit } from '../../visible-unit.js'
import { BooleanParam, ErrorBody, GranularityParam, IndicatorParam, IndicatorValuesSchema, PeriodQuery, perIndicator, ScopeParam } from '../../schemas.js'

const EnrichedFigure = z.object({
  numerator: z.number().optional(),
  denominator: z.number().optional(),
  value: z.number().nullable(),
  previous: z.number().nullable(),
  change: z.number().nullable(),
  target: z.object({ minimum: z.number(), decided_by: z.string(), status: z.enum(['meets', 'misses', 'no_value']), gap: z.number().nullable() }).nullable(),
  rank: z.number().nullable(),
})

const TableRow = z.object({
  unit_code: z.string(),
  unit_name: z.string(),
  unit_kind: z.string(),
  scope: z.enum(['own', 'subtree']),
  indicators: perIndicator(EnrichedFigure),
})

const TableResponse = z.object({ from: z.string(), to: z.string(), previous: z.object({ from: z.string(), to: z.string() }), rows: z.array(TableRow) })

const SeriesResponse = z.object({
  unit_code: z.string(),
  unit_name: z.string(),
  scope: z.string(),
  granularity: z.string(),
  points: z.array(z.object({ from: z.string(), to: z.string(), label: z.string(), indicators: IndicatorValuesSchema })),
})

const errors = { 400: ErrorBody, 404: ErrorBody }

/**
 * /api/v1/indicators…: the same figures as the command line, read from the rollups. Tables,
 * series and rankings go through the figure cache (keyed by the data version): a leader's
 * dashboard asked a second time, by anyone, is not computed again until the data change.
 */
export function registerIndicatorRoutes(app: FastifyInstance, handle: DatabaseHandle, figures: FigureCache): void {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const tableOf = (request: FastifyRequest, table: { unitCode: string; from?: string | undefined; to?: string | undefined; children: boolean }) =>
    cachedAnswer(figures, handle, request, ['indicator-table', table.unitCode, table.from, table.to, table.children], (db, signal) =>
      getIndicatorTable(db, { unitCode: table.unitCode, from: table.from, to: table.to, children: table.children }, signal),
    )

  const access = { access: { permission: 'indicators:read' as const } }
  api.get('/api/v1/indicators', {
    config: access,
    schema: {
      summary: 'Chỉ số của một đơn vị trong một khoảng thời gian',
      description: 'Toàn đơn vị; với children=true thêm Bộ phận Một cửa của đơn vị và từng đơn vị trực thuộc, kèm chỉ tiêu, thay đổi so với kỳ trước và thứ hạng.',
      tags: ['Chỉ số'],
      querystring: PeriodQuery.extend({ children: BooleanParam.optional() }),
      response: { 200: TableResponse, ...errors },
    },
    handler: async (request, reply) => {
      const q = request.query
      checkPeriod(q.from, q.to)
      await visibleUnit(handle.db, request, q.unit)
      const children = q.children ?? false
      return cachedJson(figures, handle, request, reply, ['indicator-table', q.unit, q.from, q.to, children], TableResponse, (db, signal) =>
        getIndicatorTable(db, { unitCode: q.unit, from: q.from, to: q.to, children }, signal),
      )
    },
  })

  api.get('/api/v1/indicators/series', {
    config: access,
    schema: {
      summary: 'Chuỗi thời gian của các chỉ số (biểu đồ xu hướng)',
      tags: ['Chỉ số'],
      querystring: PeriodQuery.extend({ granularity: GranularityParam.default('month'), scope: ScopeParam }),
      response: { 200: SeriesResponse, ...errors },
    },
    handler: async (request, reply) => {
      checkPeriod(request.query.from, request.query.to)
      await visibleUnit(handle.db, request, request.query.unit)
      const q = request.query
      return cachedJson(figures, handle, request, reply, ['indicator-series', q.unit, q.from, q.to, q.granularity, q.scope], SeriesResponse, (db) =>
        getIndicatorSeries(db, { unitCode: q.unit, from: q.from, to: q.to, granularity: q.granularity as Granularity, scope: q.scope }),
      )
    },
  })

  api.get('/api/v1/indicators/dossiers', {
    config: { access: { permission: 'dossiers:read' as const } },
    schema: {
      summary: 'Các hồ sơ đứng sau một con số',
      description: 'part=numerator: hồ sơ ở tử số; denominator: ở mẫu số; gap: ở mẫu số mà không ở tử số (ví dụ hồ sơ chưa số hóa).',
      tags: ['Chỉ số'],
      querystring: PeriodQuery.extend({
        indicator: IndicatorParam,
        part: z.enum(['numerator', 'denominator', 'gap']).default('numerator'),
        scope: ScopeParam,
        page: z.coerce.number().int().min(1).default(1),
        page_size: z.coerce.number().int().min(1).max(500).default(50),
      }),
      response: {
        200: z.object({
          total: z.number(),
          page: z.number(),
          page_size: z.number(),
          items: z.array(
            z.object({
              code: z.string(), unit_code: z.string(), unit_name: z.string(), procedure_code: z.string(), procedure_name: z.string(), channel: z.string(), status: z.string(),
              received_at: z.date(), due_at: z.date().nullable(), finished_at: z.date().nullable(), returned_at: z.date().nullable(),
              components_total: z.number(), components_digitized: z.number(), result_digitized: z.boolean(), fee_vnd: z.number(), paid_online: z.boolean(),
              ecert_copies: z.number(), rating: z.string().nullable(),
            }),
          ),
        }),
        ...errors,
      },
    },
    handler: async (request) => {
      const q = request.query
      const period = checkPeriod(q.from, q.to)
      const unit = await visibleUnit(handle.db, request, q.unit)
      return dossiersBehindFigure(handle.db, { unitId: unit.id, scope: q.scope, period, indicator: q.indicator as IndicatorId, part: q.part, page: q.page, pageSize: q.page_size })
    },
  })

  api.get('/api/v1/indicators/ranking', {
    config: access,
    schema: {
      summary: 'Thứ hạng của đơn vị trong số các đơn vị cùng cấp của tỉnh',
      tags: ['Chỉ số'],
      querystring: PeriodQuery.extend({ indicator: IndicatorParam }),
      response: {
        200: z.object({
          unit_code: z.string(), indicator: z.string(), value: z.number().nullable(), rank: z.number().nullable(), of: z.number(), kind: z.string(),
          within: z.object({ code: z.string(), name: z.string() }),
          ranking: z.array(z.object({ unit_code: z.string(), unit_name: z.string(), value: z.number().nullable(), rank: z.number().nullable() })),
        }),
        ...errors,
      },
    },
    handler: async (request) => {
      checkPeriod(request.query.from, request.query.to)
      await visibleUnit(handle.db, request, request.query.unit)
      const q = request.query
      const ranking = await cachedAnswer(figures, handle, request, ['indicator-ranking', q.unit, q.indicator, q.from, q.to], (db) =>
        rankAmongKind(db, { unitCode: q.unit, indicator: q.indicator as IndicatorId, from: q.from, to: q.to }),
      )
      // The place is the caller's to know; other units' figures only where the caller may see them.
      const visible = new Set((await handle.db.selectFrom('units').select('code').where('id', 'in', [...actorOf(request).unitIds]).execute()).map((u) => u.code))
      return { ...ranking, ranking: ranking.ranking.filter((r) => visible.has(r.unit_code)) }
    },
  })

  api.get('/api/v1/indicators/lists', {
    config: access,
    schema: {
      summary: 'Danh sách biểu dương, phê bình, chưa thực hiện của các đơn vị trực thuộc',
      tags: ['Chỉ số'],
      querystring: PeriodQuery.extend({ indicator: IndicatorParam, above: z.coerce.number().min(0).optional(), below: z.coerce.number().min(0).optional() }),
      response: {
        200: z.object(
          Object.fromEntries(['above', 'below', 'zero', 'noValue'].map((k) => [k, z.array(z.object({ unitCode: z.string(), unitName: z.string(), value: z.number().nullable() }))])) as Record<
            'above' | 'below' | 'zero' | 'noValue',
            z.ZodArray<z.ZodObject<{ unitCode: z.ZodString; unitName: z.ZodString; value: z.ZodNullable<z.ZodNumber> }>>
          >,
        ),
        ...errors,
      },
    },
    handler: async (request) => {
      const q = request.query
      checkPeriod(q.from, q.to)
      await visibleUnit(handle.db, request, q.unit)
      // The same cached table as the dashboard's children table: the lists cost nothing more.
      const table = await tableOf(request, { unitCode: q.unit, from: q.from, to: q.to, children: true })
      const children = table.rows.slice(2).filter(isRankedPeer).map((row) => ({ unitCode: row.unit_code, unitName: row.unit_name, value: row.indicators[q.indicator as IndicatorId]?.value ?? null, change: row.indicators[q.indicator as IndicatorId]?.change ?? null }))
      return thresholdLists(children, { ...(q.above !== undefined ? { above: q.above } : {}), ...(q.below !== undefined ? { below: q.below } : {}) })
    },
  })
}
