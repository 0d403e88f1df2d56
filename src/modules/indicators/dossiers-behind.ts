import { dossierInScope } from './scope-members.js'
import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { IndicatorId } from '../../domain/indicators/indicator-id.js'
import type { CheckedPeriod } from '../../domain/indicators/period.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { FIGURE_PARTS, periodBounds, unitColumnOf, type DossierRowBuilder } from './dossier-figures.js'
import type { ScopeKind } from './indicator-scope.js'

/** Which dossiers of a figure: those counted above the line, below it, or below and not above. */
export type FigurePart = 'numerator' | 'denominator' | 'gap'

export interface DossierBehindFigure {
  code: string
  unit_code: string
  unit_name: string
  procedure_code: string
  procedure_name: string
  channel: string
  status: string
  received_at: Date
  due_at: Date | null
  finished_at: Date | null
  returned_at: Date | null
  components_total: number
  components_digitized: number
  result_digitized: boolean
  fee_vnd: number
  paid_online: boolean
  ecert_copies: number
  rating: string | null
}

export interface DossierPage {
  total: number
  page: number
  page_size: number
  items: DossierBehindFigure[]
}

export interface DossiersBehindRequest {
  unitId: number
  scope: ScopeKind
  period: CheckedPeriod
  indicator: IndicatorId
  part: FigurePart
  page: number
  pageSize: number
  /** Processing and lateness by the deciding unit instead of the receiving one. */
  attribution?: 'receiver' | 'decider' | undefined
}

/** The dossiers behind a number, paged: "which 12 dossiers of Văn Tố were not digitized". */
export async function dossiersBehindFigure(db: Kysely<Database>, request: DossiersBehindRequest): Promise<DossierPage> {
  if (request.indicator === 'ecert_units' || request.indicator === 'ecert_units_to_date') {
    throw new AppError(ErrorCode.validation, `${request.indicator} counts units, not dossiers`, 'Chỉ số này đếm đơn vị, không có danh sách hồ sơ; hãy xem "ecert_copies"')
  }
  const figure = FIGURE_PARTS[request.indicator]
  const bounds = periodBounds(request.period)
  const base = db
    .selectFrom('dossiers as d')
    .innerJoin('procedure_versions as pv', 'pv.id', 'd.procedure_version_id')
    .where(dossierInScope(sql.ref(unitColumnOf(request.indicator, request.attribution ?? 'receiver')), request.unitId, request.scope === 'own'))
    .where((eb) => {
      const e = eb as unknown as DossierRowBuilder
      if (request.part === 'numerator') return figure.numerator(e, bounds)
      if (request.part === 'denominator') return figure.denominator(e, bounds)
      return e.and([figure.denominator(e, bounds), e.not(figure.numerator(e, bounds))])
    })
  const counted = await base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()
  const items = await base
    .innerJoin('units as u', 'u.id', 'd.receiving_unit_id')
    .innerJoin('procedures as p', 'p.id', 'd.procedure_id')
    .select([
      'd.code', 'u.code as unit_code', 'u.name as unit_name', 'p.code as procedure_code', 'pv.name as procedure_name', 'd.channel', 'd.status',
      'd.received_at', 'd.due_at', 'd.finished_at', 'd.returned_at', 'd.components_total', 'd.components_digitized', 'd.result_digitized',
      'd.fee_vnd', 'd.paid_online', 'd.ecert_copies', 'd.rating',
    ])
    .orderBy('d.received_at')
    .orderBy('d.code')
    .limit(request.pageSize)
    .offset((request.page - 1) * request.pageSize)
    .execute()
  return {
    total: Number(counted.n),
    page: request.page,
    page_size: request.pageSize,
    items: items.map((i) => ({ ...i, fee_vnd: Number(i.fee_vnd) })),
  }
}
