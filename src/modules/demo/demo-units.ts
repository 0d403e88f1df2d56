import type { UnitInput } from '../../domain/units/unit-input.js'

/**
 * The demo province: Tỉnh Hải Dương as it was in 2022–2023 (before the 2025 mergers), with its
 * 12 district-level units, all 23 commune-level units of Huyện Tứ Kỳ (the district of the seed
 * letters), Tứ Kỳ's offices, and a few communes in every other district so the province has
 * rankings of 12 districts.
 *
 * Names: the 12 districts and Tứ Kỳ's 23 communes are checked against the General Statistics
 * Office list (the `vietnam-division` package export: Tứ Kỳ, code 298, has 23 entries) and
 * NQ 788/NQ-UBTVQH14 (2019: Đại Đồng + Kỳ Sơn → Đại Sơn; Đông Kỳ, Tây Kỳ, Tứ Xuyên → Chí Minh;
 * Ngọc Sơn to the city). The seed letters name 21 communes and the town; the 23rd is Xã Bình
 * Lăng (GSO spelling; some sources write "Bình Lãng").
 *
 * Codes: `H23.07` (Tứ Kỳ) and `H23.07.01` (Xã An Thanh) are fixed by INTERCHANGE.md. The rest
 * is this demo's own scheme, not the official electronic identifiers (those look like
 * `000.00.xx.H23` under QĐ 20/2020/QĐ-TTg and could not be confirmed): districts are numbered
 * in the order below with Tứ Kỳ seventh, communes in Vietnamese alphabetical order of their
 * name (syllable by syllable, so every "Quang …" precedes "Quảng …").
 */

export const PROVINCE_CODE = 'H23'
export const TU_KY_CODE = 'H23.07'

interface CommuneSeed {
  name: string
}

interface DistrictSeed {
  code: string
  name: string
  communes: readonly CommuneSeed[]
  offices?: readonly { suffix: string; name: string }[]
}

/**
 * Tứ Kỳ's 23 commune-level units, alphabetical (their codes are H23.07.01 … H23.07.23 in this
 * order). Names exactly as the seed letters spell them, "Xã Bình Lăng" as GSO spells it.
 */
export const TU_KY_COMMUNE_NAMES: readonly string[] = [
  'Xã An Thanh',
  'Xã Bình Lăng',
  'Xã Chí Minh',
  'Xã Cộng Lạc',
  'Xã Dân Chủ',
  'Xã Đại Hợp',
  'Xã Đại Sơn',
  'Xã Hà Kỳ',
  'Xã Hà Thanh',
  'Xã Hưng Đạo',
  'Xã Minh Đức',
  'Xã Ngọc Kỳ',
  'Xã Nguyên Giáp',
  'Xã Phượng Kỳ',
  'Xã Quang Khải',
  'Xã Quang Phục',
  'Xã Quang Trung',
  'Xã Quảng Nghiệp',
  'Xã Tái Sơn',
  'Xã Tân Kỳ',
  'Xã Tiên Động',
  'Thị trấn Tứ Kỳ',
  'Xã Văn Tố',
]

/**
 * Other districts' communes: a sample only. Those of Thành phố Hải Dương, Thành phố Chí Linh,
 * Huyện Nam Sách and Huyện Kim Thành are in the current GSO list; Kinh Môn's wards appear in
 * several post-2020 lists; the rest come from the older GSO list and public address lists and
 * were not individually confirmed to exist unchanged in 2022.
 */
const DISTRICTS: readonly DistrictSeed[] = [
  {
    code: 'H23.01',
    name: 'Thành phố Hải Dương',
    communes: [{ name: 'Phường Bình Hàn' }, { name: 'Phường Cẩm Thượng' }, { name: 'Phường Ngọc Châu' }],
  },
  {
    code: 'H23.02',
    name: 'Thành phố Chí Linh',
    communes: [{ name: 'Phường Bến Tắm' }, { name: 'Phường Phả Lại' }, { name: 'Phường Sao Đỏ' }],
  },
  {
    code: 'H23.03',
    name: 'Thị xã Kinh Môn',
    communes: [{ name: 'Phường An Lưu' }, { name: 'Phường Minh Tân' }, { name: 'Phường Phú Thứ' }],
  },
  {
    code: 'H23.04',
    name: 'Huyện Bình Giang',
    communes: [{ name: 'Thị trấn Kẻ Sặt' }, { name: 'Xã Bình Xuyên' }, { name: 'Xã Hùng Thắng' }],
  },
  {
    code: 'H23.05',
    name: 'Huyện Cẩm Giàng',
    communes: [{ name: 'Thị trấn Lai Cách' }, { name: 'Xã Cao An' }, { name: 'Xã Cẩm Hưng' }],
  },
  {
    code: 'H23.06',
    name: 'Huyện Gia Lộc',
    communes: [{ name: 'Thị trấn Gia Lộc' }, { name: 'Xã Toàn Thắng' }, { name: 'Xã Yết Kiêu' }],
  },
  {
    code: TU_KY_CODE,
    name: 'Huyện Tứ Kỳ',
    communes: TU_KY_COMMUNE_NAMES.map((name) => ({ name })),
    // The offices (phòng) of the district People's Committee; they receive no dossiers, the
    // district's one-stop shop is H23.07 itself. Names as in the seed letters where they occur.
    offices: [
      { suffix: 'VP', name: 'Văn phòng HĐND và UBND huyện Tứ Kỳ' },
      { suffix: 'NV', name: 'Phòng Nội vụ huyện Tứ Kỳ' },
      { suffix: 'TP', name: 'Phòng Tư pháp huyện Tứ Kỳ' },
      { suffix: 'VHTT', name: 'Phòng Văn hóa và Thông tin huyện Tứ Kỳ' },
      { suffix: 'TCKH', name: 'Phòng Tài chính - Kế hoạch huyện Tứ Kỳ' },
      { suffix: 'TNMT', name: 'Phòng Tài nguyên và Môi trường huyện Tứ Kỳ' },
      { suffix: 'KTHT', name: 'Phòng Kinh tế và Hạ tầng huyện Tứ Kỳ' },
      { suffix: 'LDTBXH', name: 'Phòng Lao động - Thương binh và Xã hội huyện Tứ Kỳ' },
    ],
  },
  {
    code: 'H23.08',
    name: 'Huyện Kim Thành',
    communes: [{ name: 'Thị trấn Phú Thái' }, { name: 'Xã Cộng Hòa' }, { name: 'Xã Lai Vu' }],
  },
  {
    code: 'H23.09',
    name: 'Huyện Nam Sách',
    communes: [{ name: 'Thị trấn Nam Sách' }, { name: 'Xã Nam Hưng' }, { name: 'Xã Nam Tân' }],
  },
  {
    code: 'H23.10',
    name: 'Huyện Ninh Giang',
    communes: [{ name: 'Thị trấn Ninh Giang' }, { name: 'Xã Nghĩa An' }, { name: 'Xã Ứng Hòe' }],
  },
  {
    code: 'H23.11',
    name: 'Huyện Thanh Hà',
    communes: [{ name: 'Thị trấn Thanh Hà' }, { name: 'Xã Hồng Lạc' }, { name: 'Xã Liên Mạc' }],
  },
  {
    code: 'H23.12',
    name: 'Huyện Thanh Miện',
    communes: [{ name: 'Thị trấn Thanh Miện' }, { name: 'Xã Hồng Quang' }, { name: 'Xã Ngô Quyền' }],
  },
]

function communeCode(districtCode: string, index: number): string {
  return `${districtCode}.${String(index + 1).padStart(2, '0')}`
}

/** Code of a Tứ Kỳ commune by its name as the letters spell it ("An Thanh", "Thị trấn Tứ Kỳ"). */
export function tuKyCommuneCode(shortOrFullName: string): string {
  const index = TU_KY_COMMUNE_NAMES.findIndex((name) => name === shortOrFullName || name === `Xã ${shortOrFullName}`)
  if (index < 0) throw new Error(`no Tứ Kỳ commune named ${shortOrFullName}`)
  return communeCode(TU_KY_CODE, index)
}

export function buildDemoUnits(): UnitInput[] {
  const units: UnitInput[] = [{ code: PROVINCE_CODE, name: 'Tỉnh Hải Dương', kind: 'province', parentCode: null }]
  for (const district of DISTRICTS) {
    units.push({ code: district.code, name: district.name, kind: 'district', parentCode: PROVINCE_CODE })
  }
  for (const district of DISTRICTS) {
    for (const office of district.offices ?? []) {
      units.push({ code: `${district.code}.${office.suffix}`, name: office.name, kind: 'office', parentCode: district.code })
    }
    district.communes.forEach((commune, index) => {
      units.push({ code: communeCode(district.code, index), name: commune.name, kind: 'commune', parentCode: district.code })
    })
  }
  return units
}

/** The district-level units, in code order. */
export const DEMO_DISTRICT_CODES: readonly string[] = DISTRICTS.map((district) => district.code)
