import type { UnitKind } from './unit-kind.js'

/** A unit as it comes in: from units.csv, the demo or an administrator. */
export interface UnitInput {
  /** Electronic identifier (mã định danh), e.g. `H23.07.01`. */
  code: string
  name: string
  kind: UnitKind
  parentCode: string | null
  /** YYYY-MM-DD */
  validFrom?: string | null
  validTo?: string | null
  /** After a merger (since 1/7/2025), the unit that took this one over. */
  successorCode?: string | null
}
