import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { computeIndicators, type IndicatorValues } from '../../domain/indicators/compute-indicators.js'
import { checkPeriod } from '../../domain/indicators/period.js'
import { seriesBuckets, type Granularity } from '../../domain/indicators/series-buckets.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { getUnitByCode } from './get-indicators.js'
import type { ScopeKind } from './indicator-scope.js'
import { totalsForScopes } from './rollup.repository.js'

export interface SeriesPoint {
  from: string
  to: string
  label: string
  indicators: IndicatorValues
}

export interface IndicatorSeries {
  unit_code: string
  unit_name: string
  scope: ScopeKind
  granularity: Granularity
  points: SeriesPoint[]
}

/** More points than this is a chart nobody can read, and a slow request. */
const MAX_POINTS = 400

/** A time series for trend charts: the indicators week by week, month by month… */
export async function getIndicatorSeries(
  db: Kysely<Database>,
  request: { unitCode: string; from?: string; to?: string; granularity: Granularity; scope: ScopeKind },
): Promise<IndicatorSeries> {
  const period = checkPeriod(request.from, request.to)
  const unit = await getUnitByCode(db, request.unitCode)
  const buckets = seriesBuckets(period, request.granularity)
  if (buckets.length > MAX_POINTS) {
    throw new AppError(ErrorCode.validation, 'too many points', `Chuỗi có ${buckets.length} điểm, quá nhiều (tối đa ${MAX_POINTS}): hãy chọn khoảng ngắn hơn hoặc theo tháng, quý, năm`)
  }
  const points: SeriesPoint[] = []
  for (const bucket of buckets) {
    const totals = (await totalsForScopes(db, [{ key: 'u', unitId: unit.id, scope: request.scope }], bucket)).get('u')!
    points.push({ ...bucket, indicators: computeIndicators(totals.totals, request.scope === 'subtree' ? totals.ecertUnits : null) })
  }
  return { unit_code: unit.code, unit_name: unit.name, scope: request.scope, granularity: request.granularity, points }
}
