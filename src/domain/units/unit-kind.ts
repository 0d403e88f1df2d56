export const UnitKind = {
  province: 'province', // tỉnh, thành phố trực thuộc trung ương
  district: 'district', // huyện, quận, thị xã, thành phố thuộc tỉnh
  commune: 'commune', // xã, phường, thị trấn, đặc khu
  office: 'office', // phòng, sở, ban
} as const
export type UnitKind = (typeof UnitKind)[keyof typeof UnitKind]
export const UNIT_KINDS = Object.values(UnitKind) as readonly UnitKind[]

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  province: 'Cấp tỉnh',
  district: 'Cấp huyện',
  commune: 'Cấp xã',
  office: 'Cơ quan chuyên môn',
}
