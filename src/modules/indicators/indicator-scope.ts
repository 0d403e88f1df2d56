/** A unit and which of its dossiers count: its own (received by it) or its whole subtree. */
export type ScopeKind = 'own' | 'subtree'

export interface IndicatorScope {
  key: string
  unitId: number
  scope: ScopeKind
}

/** A closed range of Vietnam dates, from 00:00 on `from` to 24:00 on `to`. */
export interface Period {
  from: string
  to: string
}
