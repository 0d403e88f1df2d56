import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { IndicatorValues } from '../../domain/indicators/compute-indicators.js'
import { indicatorsOfScope } from './get-indicators.js'
import { checkPeriod } from '../../domain/indicators/period.js'
import { seriesBuckets, type Granularity } from '../../domain/indicators/series-buckets.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import type { ScopeKind } from './indicator-scope.js'
import { totalsForPeriods, type Attribution } from './rollup.repository.js'
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
  request: {
    unitCode: string
    from?: string
    to?: string
    granularity: Granularity
    scope: ScopeKind
    /** Processing and lateness at the receiving unit (default) or at the deciding one, as the table asks. */
    attribution?: Attribution | undefined
  },
): Promise<IndicatorSeries> {
  const period = checkPeriod(request.from, request.to)
  const unit = await getUnitByCode(db, request.unitCode)
  const buckets = seriesBuckets(period, request.granularity)
  if (buckets.length > MAX_POINTS) {
    throw new AppError(ErrorCode.validation, 'too many points', `Chuỗi có ${buckets.length} điểm, quá nhiều (tối đa ${MAX_POINTS}): hãy chọn khoảng ngắn hơn hoặc theo tháng, quý, năm`)
  }
  // Each bucket is what the table of its days alone shows (the same engine), all in one statement.
  const totals = await totalsForPeriods(db, [{ key: 'unit', unitId: unit.id, scope: request.scope }], buckets, { attribution: request.attribution })
  const points = buckets.map((bucket, i): SeriesPoint => ({ ...bucket, indicators: indicatorsOfScope(request.scope, totals[i]!.get('unit')!) }))
  return { unit_code: unit.code, unit_name: unit.name, scope: request.scope, granularity: request.granularity, points }
}
