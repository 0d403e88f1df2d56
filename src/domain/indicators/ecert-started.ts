/** A row of an indicator table as far as e-certification goes. */
export interface EcertRow {
  unit_kind: string
  indicators: { ecert_units_to_date?: { value: number | null } | undefined }
}

/**
 * Whether a unit has ever e-certified a copy up to the period's end: its subtree's cumulative
 * count of communes doing it (ecert_units_to_date) is not zero. Null for a unit that is not a
 * commune (e-certified copies are the communes' duty) or a row without the cumulative figure.
 */
export function ecertStarted(row: EcertRow): boolean | null {
  if (row.unit_kind !== 'commune') return null
  const toDate = row.indicators.ecert_units_to_date
  return toDate === undefined ? null : (toDate.value ?? 0) > 0
}
