import type { z } from 'zod'
import type { IndicatorScore, UnitScore } from '../../../domain/index766/score-unit.js'
import type { WhatIfOption } from '../../../domain/index766/what-if.js'
import type { IndexChild, IndexTrendPoint } from '../../../modules/index766/index-overview.js'
import type { IndexReport } from '../../../modules/index766/compute-index.js'
import type { IndexChildSchema, IndexReportSchema, IndexTrendPointSchema, IndicatorScoreSchema, UnitScoreSchema, WhatIfOptionSchema } from '../../../contracts/index766.js'

export { FormulaSetSummarySchema, IndexOverviewSchema, IndexPeriodParam } from '../../../contracts/index766.js'

// The same keys on both sides, or the compiler stops here.
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : false
const checks: [
  SameKeys<IndexReport, z.infer<typeof IndexReportSchema>>,
  SameKeys<UnitScore, z.infer<typeof UnitScoreSchema>>,
  SameKeys<UnitScore['total'], z.infer<typeof UnitScoreSchema>['total']>,
  SameKeys<IndicatorScore, z.infer<typeof IndicatorScoreSchema>>,
  SameKeys<WhatIfOption, z.infer<typeof WhatIfOptionSchema>>,
  SameKeys<IndexChild, z.infer<typeof IndexChildSchema>>,
  SameKeys<IndexTrendPoint, z.infer<typeof IndexTrendPointSchema>>,
] = [true, true, true, true, true, true, true]
void checks
