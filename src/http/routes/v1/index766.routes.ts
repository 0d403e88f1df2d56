import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { DatabaseHandle } from '../../../db/open-database.js'
import { listFormulaSets } from '../../../modules/index766/formula-sets.js'
import { indexOverview } from '../../../modules/index766/index-overview.js'
import type { FigureCache } from '../../../modules/figure-cache/figure-cache.js'
import { cachedJson } from '../../cached-answer.js'
import { AttributionParam, ErrorBody, TreeParam, UnitCode } from '../../schemas.js'
import { indexScopeOptionsOf } from '../../../modules/index766/compute-index.js'
import { parseIndexPeriod } from '../../../domain/index766/index-period.js'
import { visibleUnit } from '../../visible-unit.js'
import { FormulaSetSummarySchema, IndexOverviewSchema, IndexPeriodParam } from './index766.schemas.js'

const errors = { 400: ErrorBody, 404: ErrorBody }

/** /api/v1/index766…: the Decision 766 score (Chỉ số phục vụ người dân, doanh nghiệp) of a unit, as the index command gives it. */
export function registerIndex766Routes(app: FastifyInstance, handle: DatabaseHandle, figures: FigureCache): void {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const access = { access: { permission: 'indicators:read' as const } }

  api.get('/api/v1/index766', {
    config: access,
    schema: {
      summary: 'Chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg) của một đơn vị',
      description:
        'Điểm từng chỉ số (tử số, mẫu số, tỷ lệ, điểm và cách tính), điểm từng nhóm, tổng điểm và xếp loại, nơi có thể tăng điểm; ' +
        'các đơn vị cấp huyện, cấp xã trực thuộc chấm cùng kỳ và xếp hạng; xu hướng theo tháng đến hết kỳ (theo quý nếu kỳ là năm).',
      tags: ['Chỉ số 766'],
      querystring: z.object({ unit: UnitCode, period: IndexPeriodParam, tree: TreeParam, by: AttributionParam }),
      response: { 200: IndexOverviewSchema, ...errors },
    },
    handler: async (request, reply) => {
      const unit = await visibleUnit(handle.db, request, request.query.unit)
      const { period, tree, by } = request.query
      // The tree's day is part of the question: "today's units" asked tomorrow is another one.
      const { treeDay } = indexScopeOptionsOf({ tree }, parseIndexPeriod(period))
      return cachedJson(figures, handle, request, reply, ['index766-overview', unit.code, period, treeDay, by], IndexOverviewSchema, (db, signal) =>
        indexOverview(db, { unitCode: unit.code, period, tree, attribution: by }, signal),
      )
    },
  })

  api.get('/api/v1/index766/formula-sets', {
    config: access,
    schema: {
      summary: 'Các bộ công thức chấm điểm Chỉ số 766: nhóm, chỉ số, điểm tối đa, thời gian hiệu lực',
      tags: ['Chỉ số 766'],
      response: { 200: z.object({ formula_sets: z.array(FormulaSetSummarySchema) }) },
    },
    handler: async () => ({ formula_sets: listFormulaSets() }),
  })
}
