import type { DossierInput } from '../../domain/dossiers/dossier-input.js'
import type { ProcedureInput } from '../../domain/procedures/procedure-input.js'
import type { ReorganisationRow } from '../../domain/units/reorganisation.js'
import type { UnitInput } from '../../domain/units/unit-input.js'
import { generateDemoDossiers } from './demo-dossiers.js'
import type { UnitStory } from './demo-story.js'
import { parseIsoDay } from './demo-time.js'
import { PROVINCE_CODE, TU_KY_CODE, tuKyCommuneCode } from './demo-units.js'

/**
 * The demo province on 1/7/2025, when Vietnam went to two levels of local government: Tỉnh Hải
 * Dương becomes part of Thành phố Hải Phòng, the districts end, and the communes are merged.
 *
 * THE MAPPING IS ILLUSTRATIVE. The six new communes of the former Tứ Kỳ district carry names
 * reported for Nghị quyết 1669/NQ-UBTVQH15 (16/6/2025, the commune-level units of Hải Phòng),
 * but which old commune went into which new one was not checked against the resolution, and the
 * other districts' sample communes are merged one new unit per district under names made up
 * from the district's. Codes (H31…) are this demo's own, like the H23 ones. Do not cite them.
 */
export const DEMO_REORGANISATION_DATE = '2025-07-01'
/** The year of dossiers after it: from 1/7/2025 to 30/6/2026. */
export const DEMO_AFTER_FROM = '2025-07-01'
export const DEMO_AFTER_TO = '2026-06-30'
export const HAI_PHONG_CODE = 'H31'

/** Tứ Kỳ's 23 communes into six (illustrative grouping, see above). */
export const TU_KY_MERGERS: readonly { code: string; name: string; from: readonly string[] }[] = [
  { code: 'H31.07.1', name: 'Xã Tứ Kỳ', from: ['Thị trấn Tứ Kỳ', 'Minh Đức', 'Quang Phục', 'Văn Tố'] },
  { code: 'H31.07.2', name: 'Xã Tân Kỳ', from: ['Tân Kỳ', 'An Thanh', 'Đại Hợp', 'Dân Chủ'] },
  { code: 'H31.07.3', name: 'Xã Đại Sơn', from: ['Đại Sơn', 'Hưng Đạo', 'Bình Lăng', 'Quang Khải'] },
  { code: 'H31.07.4', name: 'Xã Chí Minh', from: ['Chí Minh', 'Tái Sơn', 'Quang Trung'] },
  { code: 'H31.07.5', name: 'Xã Lạc Phượng', from: ['Cộng Lạc', 'Phượng Kỳ', 'Tiên Động', 'Ngọc Kỳ'] },
  { code: 'H31.07.6', name: 'Xã Nguyên Giáp', from: ['Nguyên Giáp', 'Hà Kỳ', 'Hà Thanh', 'Quảng Nghiệp'] },
]

/** "Huyện Thanh Miện" → "Xã Thanh Miện", "Thành phố Chí Linh" → "Phường Chí Linh" (illustrative names). */
function newUnitName(districtName: string): string {
  const urban = /^(Thành phố|Thị xã)\s+/u.test(districtName)
  return `${urban ? 'Phường' : 'Xã'} ${districtName.replace(/^(Huyện|Thành phố|Thị xã)\s+/u, '')}`
}

/** The reorganisation as the rows of a reorganisation file, applied through the same use case as `units reorganise`. */
export function demoReorganisationRows(units: readonly UnitInput[]): ReorganisationRow[] {
  const date = DEMO_REORGANISATION_DATE
  const rows: ReorganisationRow[] = []
  const row = (oldCode: string, newCode: string | null, fields: Partial<Pick<ReorganisationRow, 'newName' | 'newKind' | 'newParentCode'>> = {}) =>
    rows.push({ line: rows.length + 1, oldCode, newCode, date, newName: fields.newName ?? null, newKind: fields.newKind ?? null, newParentCode: fields.newParentCode ?? null })
  row(PROVINCE_CODE, HAI_PHONG_CODE, { newName: 'Thành phố Hải Phòng', newKind: 'province' })
  for (const merger of TU_KY_MERGERS) {
    for (const name of merger.from) row(tuKyCommuneCode(name), merger.code, { newName: merger.name, newKind: 'commune', newParentCode: HAI_PHONG_CODE })
  }
  const districts = units.filter((u) => u.kind === 'district')
  for (const district of districts) {
    // The district's own procedures went to the city and the communes: its history rolls into the city.
    row(district.code, HAI_PHONG_CODE)
    if (district.code === TU_KY_CODE) continue
    const newCode = `${HAI_PHONG_CODE}.${district.code.slice(PROVINCE_CODE.length + 1)}.1`
    for (const commune of units.filter((u) => u.parentCode === district.code && u.kind === 'commune')) {
      row(commune.code, newCode, { newName: newUnitName(district.name), newKind: 'commune', newParentCode: HAI_PHONG_CODE })
    }
  }
  // The district's offices end with it.
  for (const office of units.filter((u) => u.kind === 'office')) row(office.code, null)
  return rows
}

/** A new commune's story: the volume of its old communes together, the ways of the first of them. */
export function mergedStories(stories: readonly UnitStory[], rows: readonly ReorganisationRow[]): UnitStory[] {
  const byCode = new Map(stories.map((s) => [s.unitCode, s]))
  const olds = new Map<string, UnitStory[]>()
  for (const row of rows) {
    const story = byCode.get(row.oldCode)
    if (row.newCode === null || row.newCode === HAI_PHONG_CODE || !story || story.catalogue !== 'commune') continue
    olds.set(row.newCode, [...(olds.get(row.newCode) ?? []), story])
  }
  return [...olds].map(([code, parts]) => {
    const first = parts[0]!
    const started = parts.map((p) => p.ecertFrom).filter((d): d is number => d !== null)
    return {
      ...first,
      unitCode: code,
      weekly: parts.reduce((sum, p) => sum + p.weekly, 0),
      ecertFrom: started.length > 0 ? Math.min(...started) : null,
      saturdays: parts.some((p) => p.saturdays),
      extraLateness: parts.reduce((sum, p) => sum + p.extraLateness, 0) / parts.length,
    }
  })
}

/** A year of dossiers of the new communes, from 1/7/2025. */
export function dossiersAfterReorganisation(stories: readonly UnitStory[], procedures: readonly ProcedureInput[], seed: number, scale: number): Iterable<DossierInput> {
  const options = { seed, fromDay: parseIsoDay(DEMO_AFTER_FROM), toDay: parseIsoDay(DEMO_AFTER_TO), scale }
  return { [Symbol.iterator]: () => generateDemoDossiers(stories, procedures, options) }
}
