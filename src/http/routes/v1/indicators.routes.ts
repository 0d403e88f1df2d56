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
import { cachedAnswer, cachedBody, cachedJson } from '../../cached-answer.js'
import { unitCodesOf } from '../../../modules/units/units.repository.js'
import { actorOf } from '../../plugins/authentication.js'
import { visibleUnit } from '../../visible-unit.js'
import { DossiersBehindPage, IndicatorRanking, IndicatorSeries, IndicatorTable, ThresholdListsAnswer } from '../../../contracts/indicators.js'
import { ecertStarted } from '../../../domain/indicators/ecert-started.js'
import { AttributionParam, BooleanParam, EcertSinceParam, ErrorBody, GranularityParam, IndicatorParam, PeriodQuery, ScopeParam, TreeParam } from '../../schemas.js'
import { treeDayOfRequest } from '../../../modules/indicators/get-indicators.js'

const errors = { 400: ErrorBody, 404: ErrorBody }

/**
 * /api/v1/indicators…: the same figures as the command line, read from the rollups. Tables,
 * series and rankings go through the figure cache (keyed by the data version): a leader's
 * dashboard asked a second time, by anyone, is not computed again until the data change.
 */
export function registerIndicatorRoutes(app: FastifyInstance, handle: DatabaseHandle, figures: FigureCache): void {
  const api = app.withTypeProvider<ZodTypeProvider>()
  // One question for the table, whichever route asks it: the dashboard's table and its lists share one computation.
  const tableOf = (request: FastifyRequest, table: TableQuestion) =>
    cachedAnswer(figures, handle, request, tableQuestion(table), (db, signal) =>
      getIndicatorTable(db, { unitCode: table.unitCode, from: table.from, to: table.to, children: table.children, ecertSince: table.ecertSince, treeDay: table.treeDay, attribution: table.attribution }, signal),
    )

  const access = { access: { permission: 'indicators:read' as const } }
  api.get('/api/v1/indicators', {
    config: access,
    schema: {
      summary: 'Chỉ số của một đơn vị trong một khoảng thời gian',
      description: 'Toàn đơn vị; với children=true thêm Bộ phận Một cửa của đơn vị và từng đơn vị trực thuộc, kèm chỉ tiêu, thay đổi so với kỳ trước và thứ hạng.',
      tags: ['Chỉ số'],
      querystring: PeriodQuery.extend({ children: BooleanParam.optional(), ecert_since: EcertSinceParam, tree: TreeParam, by: AttributionParam }),
      response: { 200: IndicatorTable, ...errors },
    },
    handler: async (request, reply) => {
      const q = request.query
      checkPeriod(q.from, q.to)
      await visibleUnit(handle.db, request, q.unit)
      const children = q.children ?? false
      // The tree's day is part of the question: "today's units" asked tomorrow is another one.
      const treeDay = treeDayOfRequest({ tree: q.tree }, checkPeriod(q.from, q.to))
      const table = { unitCode: q.unit, from: q.from, to: q.to, children, ecertSince: q.ecert_since, treeDay, attribution: q.by }
      return cachedBody(figures, request, reply, tableQuestion(table), IndicatorTable, () => tableOf(request, table))
    },
  })

  api.get('/api/v1/indicators/series', {
    config: access,
    schema: {
      summary: 'Chuỗi thời gian của các chỉ số (biểu đồ xu hướng)',
      tags: ['Chỉ số'],
      querystring: PeriodQuery.extend({ granularity: GranularityParam.default('month'), scope: ScopeParam, by: AttributionParam }),
      response: { 200: IndicatorSeries, ...errors },
    },
    handler: async (request, reply) => {
      checkPeriod(request.query.from, request.query.to)
      await visibleUnit(handle.db, request, request.query.unit)
      const q = request.query
      return cachedJson(figures, handle, request, reply, ['indicator-series', q.unit, q.from, q.to, q.granularity, q.scope, q.by], IndicatorSeries, (db) =>
        getIndicatorSeries(db, { unitCode: q.unit, from: q.from, to: q.to, granularity: q.granularity as Granularity, scope: q.scope, attribution: q.by }),
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
        by: AttributionParam,
        page: z.coerce.number().int().min(1).default(1),
        page_size: z.coerce.number().int().min(1).max(500).default(50),
      }),
      response: {
        200: DossiersBehindPage,
        ...errors,
      },
    },
    handler: async (request) => {
      const q = request.query
      const period = checkPeriod(q.from, q.to)
      const unit = await visibleUnit(handle.db, request, q.unit)
      return dossiersBehindFigure(handle.db, { unitId: unit.id, scope: q.scope, period, indicator: q.indicator as IndicatorId, part: q.part, page: q.page, pageSize: q.page_size, attribution: q.by })
    },
  })

  api.get('/api/v1/indicators/ranking', {
    config: access,
    schema: {
      summary: 'Thứ hạng của đơn vị trong số các đơn vị cùng cấp của tỉnh',
      tags: ['Chỉ số'],
      querystring: PeriodQuery.extend({ indicator: IndicatorParam, tree: TreeParam }),
      response: {
        200: IndicatorRanking,
        ...errors,
      },
    },
    handler: async (request) => {
      checkPeriod(request.query.from, request.query.to)
      await visibleUnit(handle.db, request, request.query.unit)
      const q = request.query
      const treeDay = treeDayOfRequest({ tree: q.tree }, checkPeriod(q.from, q.to))
      const ranking = await cachedAnswer(figures, handle, request, ['indicator-ranking', q.unit, q.indicator, q.from, q.to, treeDay], (db) =>
        rankAmongKind(db, { unitCode: q.unit, indicator: q.indicator as IndicatorId, from: q.from, to: q.to, treeDay }),
      )
      // The place is the caller's to know; other units' figures only where the caller may see them.
      const visible = await unitCodesOf(handle.db, actorOf(request).unitIds)
      return { ...ranking, ranking: ranking.ranking.filter((r) => visible.has(r.unit_code)) }
    },
  })

  api.get('/api/v1/indicators/lists', {
    config: access,
    schema: {
      summary: 'Danh sách biểu dương, phê bình, chưa thực hiện của các đơn vị trực thuộc',
      description:
        'Cùng một quy tắc với công văn: đơn vị được biểu dương không bao giờ bị phê bình; criticised = below cộng các xã chưa từng thực hiện chứng thực điện tử ' +
        '(lũy kế từ ecert_since, mặc định từ dữ liệu đầu tiên, đến hết ngày to) mà không được biểu dương.',
      tags: ['Chỉ số'],
      querystring: PeriodQuery.extend({ indicator: IndicatorParam, above: z.coerce.number().min(0).optional(), below: z.coerce.number().min(0).optional(), ecert_since: EcertSinceParam, tree: TreeParam, by: AttributionParam }),
      response: {
        200: ThresholdListsAnswer,
        ...errors,
      },
    },
    handler: async (request, reply) => {
      const q = request.query
      checkPeriod(q.from, q.to)
      await visibleUnit(handle.db, request, q.unit)
      // The same cached table as the dashboard's children table: the lists cost nothing more.
      const table = { unitCode: q.unit, from: q.from, to: q.to, children: true, ecertSince: q.ecert_since, treeDay: treeDayOfRequest({ tree: q.tree }, checkPeriod(q.from, q.to)), attribution: q.by }
      const thresholds = { ...(q.above !== undefined ? { above: q.above } : {}), ...(q.below !== undefined ? { below: q.below } : {}) }
      return cachedBody(figures, request, reply, ['indicator-lists', ...tableQuestion(table), q.indicator, thresholds], ThresholdListsAnswer, async () => {
        const { rows } = await tableOf(request, table)
        const children = rows.slice(2).filter(isRankedPeer).map((row) => ({
          unitCode: row.unit_code,
          unitName: row.unit_name,
          value: row.indicators[q.indicator as IndicatorId]?.value ?? null,
          change: row.indicators[q.indicator as IndicatorId]?.change ?? null,
          ecertStarted: ecertStarted(row),
        }))
        return thresholdLists(children, thresholds)
      })
    },
  })
}

/** What an indicator table is asked for. */
interface TableQuestion {
  unitCode: string
  from?: string | undefined
  to?: string | undefined
  children: boolean
  ecertSince?: string | undefined
  treeDay: string
  attribution: 'receiver' | 'decider'
}

/** The figure cache's question for a table: the same for the table's route and the lists'. */
function tableQuestion(t: TableQuestion): unknown[] {
  return ['indicator-table', t.unitCode, t.from, t.to, t.children, t.ecertSince, t.treeDay, t.attribution]
}
