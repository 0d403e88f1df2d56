import { holiday, holidayBlock, workday } from './calendar-day-builders.js'
import type { CalendarDay } from './calendar-day.js'

/*
 * The days off and swapped working days actually in force for civil servants (cán bộ, công
 * chức, viên chức), 2020 through 2026.
 *
 * Provenance. The law fixes the holidays (Bộ luật Lao động 2012 Điều 115 until 2020; Bộ luật
 * Lao động 2019 Điều 112 from 2021, which added a second Quốc khánh day) and the compensatory
 * day when a holiday falls on a weekly rest day (BLLĐ 2019 Điều 111 khoản 3: the next working
 * day). Each year the Prime Minister decides the Tết block, the second Quốc khánh day and any
 * swap of a weekday for a Saturday; the Government Office conveys it in a letter (Công văn
 * …/VPCP-KGVX) and the Ministry of Labour (Bộ LĐTBXH), or from March 2025 the Ministry of Home
 * Affairs (Bộ Nội vụ), announces it in a notice (Thông báo). Each entry names the document
 * found for it. These were read in press reports and in copies of the letters, not in the
 * official gazette; where no document was found the entry says so instead of naming one.
 *
 * Form. Tết is listed as the block the notice announces, weekends included (harmless, and it
 * labels those days for display). Other holidays are listed day by day, including those on a
 * weekend, each followed by its compensatory or swapped day.
 *
 * Not included: Ngày Văn hóa Việt Nam (24/11). Nghị quyết 80-NQ/TW (7/1/2026) asks for it to
 * become a paid holiday, but the Government's Nghị quyết 30/NQ-CP (reported 26/2/2026) only
 * tasks an amendment of BLLĐ 2019 Điều 112 khoản 1; until the National Assembly passes it the
 * day is not a holiday. Administrators can add it when the law passes.
 */

const LAW_2012 = 'statutory: Bộ luật Lao động 2012, Điều 115 (no notice found changing it)'
const LAW_2019 = 'statutory: Bộ luật Lao động 2019, Điều 112 khoản 1 (no notice found changing it)'
const MAKE_UP_2019 =
  'statutory compensatory day: Bộ luật Lao động 2019, Điều 111 khoản 3 (holiday on a weekly rest day → next working day)'

const NOTICE_2020_TET =
  'Thông báo 4544/TB-LĐTBXH ngày 25/10/2019 của Bộ LĐTBXH (Tết Canh Tý: nghỉ 23/1–29/1/2020)'
const LETTER_2021 =
  'Công văn 9895/VPCP-KGVX ngày 26/11/2020 (Thủ tướng đồng ý: Tết Tân Sửu 10/2–16/2/2021, Quốc khánh 2/9–5/9/2021)'
const LETTER_2022 =
  'Công văn 245/VPCP-KGVX ngày 11/1/2022 (Phó Thủ tướng đồng ý: Tết Nhâm Dần 31/1–4/2/2022 cùng hai kỳ nghỉ cuối tuần, Quốc khánh 1/9–2/9/2022)'
const LETTER_2023 =
  'Công văn 8056/VPCP-KGVX ngày 1/12/2022 (Phó Thủ tướng đồng ý: Tết Quý Mão 20/1–26/1/2023, Quốc khánh 1/9–4/9/2023)'
const LETTER_2024 =
  'Công văn 8662/VPCP-KGVX ngày 3/11/2023 (Thủ tướng đồng ý: Tết Giáp Thìn 8/2–14/2/2024, Quốc khánh 31/8–3/9/2024)'
const SWAP_2024 =
  'Công văn 2450/VPCP-KGVX ngày 12/4/2024 (Thủ tướng đồng ý hoán đổi: nghỉ thứ Hai 29/4, làm bù thứ Bảy 4/5/2024)'
const NOTICE_2025 =
  'Thông báo 6150/TB-LĐTBXH năm 2024 của Bộ LĐTBXH (exact date not confirmed), thực hiện Công văn 8726/VPCP-KGVX ngày 26/11/2024: Tết Ất Tỵ 25/1–2/2, nghỉ 30/4–4/5 (hoán đổi thứ Sáu 2/5 sang thứ Bảy 26/4), Quốc khánh 30/8–2/9/2025'
const LETTER_2026_NEW_YEAR =
  'Công văn 12729/VPCP-KGVX ngày 25/12/2025 (Phó Thủ tướng đồng ý: Tết Dương lịch 1/1–4/1/2026, hoán đổi thứ Sáu 2/1 sang thứ Bảy 10/1/2026)'
const NOTICE_2026 =
  'Thông báo 9441/TB-BNV ngày 16/10/2025 của Bộ Nội vụ (Tết Bính Ngọ: nghỉ thứ Hai 16/2 đến thứ Sáu 20/2/2026 cùng 4 ngày nghỉ hằng tuần, 14/2–22/2; Quốc khánh: nghỉ 1/9–2/9, hoán đổi thứ Hai 31/8 sang thứ Bảy 22/8/2026)'

export interface OfficialYear {
  readonly year: number
  /** The documents that set the year's days beyond the statutory ones; empty when none was found. */
  readonly notices: readonly string[]
  readonly days: readonly CalendarDay[]
}

const YEAR_2020: OfficialYear = {
  year: 2020,
  notices: [NOTICE_2020_TET],
  days: [
    holiday('2020-01-01', 'Tết Dương lịch', LAW_2012),
    ...holidayBlock('2020-01-23', '2020-01-29', 'Tết Nguyên Đán', NOTICE_2020_TET),
    holiday('2020-04-02', 'Giỗ Tổ Hùng Vương', LAW_2012),
    holiday('2020-04-30', 'Ngày Chiến thắng', LAW_2012),
    holiday('2020-05-01', 'Ngày Quốc tế lao động', LAW_2012),
    // The 2012 Code gave Quốc khánh one day only; the second day starts in 2021.
    holiday('2020-09-02', 'Quốc khánh', LAW_2012),
  ],
}

const YEAR_2021: OfficialYear = {
  year: 2021,
  notices: [LETTER_2021],
  days: [
    holiday('2021-01-01', 'Tết Dương lịch', LAW_2019),
    ...holidayBlock('2021-02-10', '2021-02-16', 'Tết Nguyên Đán', LETTER_2021),
    holiday('2021-04-21', 'Giỗ Tổ Hùng Vương', LAW_2019),
    holiday('2021-04-30', 'Ngày Chiến thắng', LAW_2019),
    holiday('2021-05-01', 'Ngày Quốc tế lao động', LAW_2019),
    holiday('2021-05-03', 'Nghỉ bù Ngày Quốc tế lao động (1/5)', MAKE_UP_2019),
    holiday('2021-09-02', 'Quốc khánh', LETTER_2021),
    holiday('2021-09-03', 'Quốc khánh (ngày liền kề)', LETTER_2021),
  ],
}

const YEAR_2022: OfficialYear = {
  year: 2022,
  notices: [LETTER_2022],
  days: [
    holiday('2022-01-01', 'Tết Dương lịch', LAW_2019),
    holiday('2022-01-03', 'Nghỉ bù Tết Dương lịch (1/1)', MAKE_UP_2019),
    ...holidayBlock('2022-01-29', '2022-02-06', 'Tết Nguyên Đán', LETTER_2022),
    holiday('2022-04-10', 'Giỗ Tổ Hùng Vương', LAW_2019),
    holiday('2022-04-11', 'Nghỉ bù Giỗ Tổ Hùng Vương (10/4)', MAKE_UP_2019),
    holiday('2022-04-30', 'Ngày Chiến thắng', LAW_2019),
    holiday('2022-05-01', 'Ngày Quốc tế lao động', LAW_2019),
    holiday('2022-05-02', 'Nghỉ bù Ngày Chiến thắng (30/4)', MAKE_UP_2019),
    holiday('2022-05-03', 'Nghỉ bù Ngày Quốc tế lao động (1/5)', MAKE_UP_2019),
    holiday('2022-09-01', 'Quốc khánh (ngày liền kề)', LETTER_2022),
    holiday('2022-09-02', 'Quốc khánh', LETTER_2022),
  ],
}

const YEAR_2023: OfficialYear = {
  year: 2023,
  notices: [LETTER_2023],
  days: [
    holiday('2023-01-01', 'Tết Dương lịch', LAW_2019),
    holiday('2023-01-02', 'Nghỉ bù Tết Dương lịch (1/1)', MAKE_UP_2019),
    ...holidayBlock('2023-01-20', '2023-01-26', 'Tết Nguyên Đán', LETTER_2023),
    // Giỗ Tổ (Saturday), 30/4 (Sunday) and 1/5 (Monday) in a row: two compensatory days follow.
    holiday('2023-04-29', 'Giỗ Tổ Hùng Vương', LAW_2019),
    holiday('2023-04-30', 'Ngày Chiến thắng', LAW_2019),
    holiday('2023-05-01', 'Ngày Quốc tế lao động', LAW_2019),
    holiday('2023-05-02', 'Nghỉ bù Giỗ Tổ Hùng Vương (29/4)', MAKE_UP_2019),
    holiday('2023-05-03', 'Nghỉ bù Ngày Chiến thắng (30/4)', MAKE_UP_2019),
    holiday('2023-09-01', 'Quốc khánh (ngày liền kề)', LETTER_2023),
    holiday('2023-09-02', 'Quốc khánh', LETTER_2023),
    holiday('2023-09-04', 'Nghỉ bù Quốc khánh (2/9)', LETTER_2023),
  ],
}

const YEAR_2024: OfficialYear = {
  year: 2024,
  notices: [LETTER_2024, SWAP_2024],
  days: [
    holiday('2024-01-01', 'Tết Dương lịch', LAW_2019),
    ...holidayBlock('2024-02-08', '2024-02-14', 'Tết Nguyên Đán', LETTER_2024),
    holiday('2024-04-18', 'Giỗ Tổ Hùng Vương', LAW_2019),
    holiday('2024-04-29', 'Nghỉ hoán đổi (làm bù thứ Bảy 4/5)', SWAP_2024),
    holiday('2024-04-30', 'Ngày Chiến thắng', LAW_2019),
    holiday('2024-05-01', 'Ngày Quốc tế lao động', LAW_2019),
    workday('2024-05-04', 'Làm bù cho ngày 29/4', SWAP_2024),
    holiday('2024-09-02', 'Quốc khánh', LETTER_2024),
    holiday('2024-09-03', 'Quốc khánh (ngày liền kề)', LETTER_2024),
  ],
}

const YEAR_2025: OfficialYear = {
  year: 2025,
  notices: [NOTICE_2025],
  days: [
    holiday('2025-01-01', 'Tết Dương lịch', LAW_2019),
    ...holidayBlock('2025-01-25', '2025-02-02', 'Tết Nguyên Đán', NOTICE_2025),
    holiday('2025-04-07', 'Giỗ Tổ Hùng Vương', LAW_2019),
    workday('2025-04-26', 'Làm bù cho ngày 2/5', NOTICE_2025),
    holiday('2025-04-30', 'Ngày Chiến thắng', LAW_2019),
    holiday('2025-05-01', 'Ngày Quốc tế lao động', LAW_2019),
    holiday('2025-05-02', 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4)', NOTICE_2025),
    holiday('2025-09-01', 'Quốc khánh (ngày liền kề)', NOTICE_2025),
    holiday('2025-09-02', 'Quốc khánh', NOTICE_2025),
  ],
}

const YEAR_2026: OfficialYear = {
  year: 2026,
  notices: [LETTER_2026_NEW_YEAR, NOTICE_2026],
  days: [
    holiday('2026-01-01', 'Tết Dương lịch', LAW_2019),
    holiday('2026-01-02', 'Nghỉ hoán đổi (làm bù thứ Bảy 10/1)', LETTER_2026_NEW_YEAR),
    workday('2026-01-10', 'Làm bù cho ngày 2/1', LETTER_2026_NEW_YEAR),
    ...holidayBlock('2026-02-14', '2026-02-22', 'Tết Nguyên Đán', NOTICE_2026),
    holiday('2026-04-26', 'Giỗ Tổ Hùng Vương', LAW_2019),
    holiday('2026-04-27', 'Nghỉ bù Giỗ Tổ Hùng Vương (26/4)', MAKE_UP_2019),
    holiday('2026-04-30', 'Ngày Chiến thắng', LAW_2019),
    holiday('2026-05-01', 'Ngày Quốc tế lao động', LAW_2019),
    workday('2026-08-22', 'Làm bù cho ngày 31/8', NOTICE_2026),
    holiday('2026-08-31', 'Nghỉ hoán đổi (làm bù thứ Bảy 22/8)', NOTICE_2026),
    holiday('2026-09-01', 'Quốc khánh (ngày liền kề)', NOTICE_2026),
    holiday('2026-09-02', 'Quốc khánh', NOTICE_2026),
  ],
}

export const OFFICIAL_YEARS: readonly OfficialYear[] = [
  YEAR_2020,
  YEAR_2021,
  YEAR_2022,
  YEAR_2023,
  YEAR_2024,
  YEAR_2025,
  YEAR_2026,
]

const byYear = new Map(OFFICIAL_YEARS.map((entry) => [entry.year, entry]))

/** The announced days of a year, or undefined when the year has no official data here. */
export function officialDaysForYear(year: number): readonly CalendarDay[] | undefined {
  return byYear.get(year)?.days
}

export function hasOfficialDays(year: number): boolean {
  return byYear.has(year)
}
