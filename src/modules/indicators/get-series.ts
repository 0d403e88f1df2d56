import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { computeIndicators, type IndicatorValues } from '../../domain/indicators/compute-indicators.js'
import { checkPeriod } from '../../domain/indicators/period.js'
import { seriesBuckets, type Granularity } from '../../domain/indicators/series-buckets.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import type { ScopeKind } from './indicator-scope.js'
import { bucketTotals } from './series-fold.js'
import { readSeriesRollups } from './series.repository.js'
import { getUnitByCode } from '../units/units.repository.js'

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
  // Every rollup row of the whole period in one query, whatever the number of buckets, folded here.
  const rollups = await readSeriesRollups(db, { unitId: unit.id, scope: request.scope }, period)
  const points = buckets.map((bucket): SeriesPoint => {
    const scoped = bucketTotals(rollups, bucket)
    return { ...bucket, indicators: computeIndicators(scoped.totals, request.scope === 'subtree' ? scoped.ecertUnits : null) }
  })
  return { unit_code: unit.code, unit_name: unit.name, scope: request.scope, granularity: request.granularity, points }
}
