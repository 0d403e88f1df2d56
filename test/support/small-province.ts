import type { DatabaseHandle } from '../../src/db/open-database.js'
import { saveUnitsAndProcedures } from './units-and-procedures.js'

/** A province P with two districts of two communes each, for the rollup tests' random dossiers. */
export const SMALL_PROVINCE_UNITS = ['P', 'D1', 'D2', 'C1', 'C2', 'C3', 'C4'] as const

/** One procedure per online level, with and without a fee. */
export const SMALL_PROVINCE_PROCEDURES = [
  { code: 'P-FULL', onlineLevel: 'full', feeVnd: 0 },
  { code: 'P-PART', onlineLevel: 'partial', feeVnd: 20000 },
  { code: 'P-NONE', onlineLevel: 'none', feeVnd: 50000 },
] as const

export async function saveSmallProvince(handle: DatabaseHandle): Promise<void> {
  await saveUnitsAndProcedures(
    handle,
    [
      { code: 'P', name: 'Tỉnh', kind: 'province', parentCode: null },
      { code: 'D1', name: 'Huyện Một', kind: 'district', parentCode: 'P' },
      { code: 'D2', name: 'Huyện Hai', kind: 'district', parentCode: 'P' },
      { code: 'C1', name: 'Xã Một', kind: 'commune', parentCode: 'D1' },
      { code: 'C2', name: 'Xã Hai', kind: 'commune', parentCode: 'D1' },
      { code: 'C3', name: 'Xã Ba', kind: 'commune', parentCode: 'D2' },
      { code: 'C4', name: 'Xã Bốn', kind: 'commune', parentCode: 'D2' },
    ],
    SMALL_PROVINCE_PROCEDURES.map((p) => ({ code: p.code, name: p.code, field: null, level: 'commune', onlineLevel: p.onlineLevel, processingDays: 2, feeVnd: p.feeVnd })),
  )
}

/** Where random dossiers of the small province fall: received over 20 days from `base`, due within 10, finished within 15. */
export const smallProvinceDossierSpace = (base: number) =>
  ({ unitCodes: SMALL_PROVINCE_UNITS, procedures: SMALL_PROVINCE_PROCEDURES, base, spanDays: 20, dueWithinDays: 10, finishWithinDays: 15 }) as const
