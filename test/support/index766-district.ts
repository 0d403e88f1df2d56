import type { DatabaseHandle } from '../../src/db/open-database.js'
import { loadSmallDistrict } from './small-district.js'

/*
 * Tứ Kỳ in August 2025 for the Decision 766 index, small enough to score by hand:
 * An Thanh has three dossiers (one late, one paid online, e-certified copies, two of three rated
 * satisfied); Quang Trung and Đại Hợp have one identical dossier each, so they tie. The district's
 * office receives nothing and is not ranked. Columns as DOSSIER_HEADER.
 */
export const INDEX_DISTRICT_UNITS = ['H23.07.03,Xã Đại Hợp,commune,H23.07', 'H23.07.VP,Văn phòng HĐND và UBND huyện,office,H23.07']

export const INDEX_DISTRICT_DOSSIERS = [
  // birth registration (full online, no fee): online, on time, 2/2 digitized, 1 e-certified copy, satisfied
  'AT-1,H23.07.01,1.001193,online,2025-08-04T08:00:00+07:00,2025-08-04T17:00:00+07:00,2025-08-04T10:00:00+07:00,,finished,2,2,true,0,,1,satisfied',
  // at the desk, finished two days late, 1/2 digitized, dissatisfied
  'AT-2,H23.07.01,1.001193,direct,2025-08-05T08:00:00+07:00,2025-08-05T17:00:00+07:00,2025-08-07T10:00:00+07:00,,finished,2,1,false,0,,0,dissatisfied',
  // certification (partial online, fee 2 000 đ): at the desk, paid online, on time, 2 copies, very satisfied
  'AT-3,H23.07.01,2.000815,direct,2025-08-06T08:00:00+07:00,2025-08-06T17:00:00+07:00,2025-08-06T11:00:00+07:00,,finished,1,1,true,2000,true,2,very_satisfied',
  // certification online, not paid online, on time, digitized, no rating
  'QT-1,H23.07.02,2.000815,online,2025-08-07T08:00:00+07:00,2025-08-07T17:00:00+07:00,2025-08-07T09:00:00+07:00,,finished,1,1,true,2000,false,0,',
  'DH-1,H23.07.03,2.000815,online,2025-08-07T08:00:00+07:00,2025-08-07T17:00:00+07:00,2025-08-07T09:00:00+07:00,,finished,1,1,true,2000,false,0,',
]

export async function loadIndexDistrict(handle: DatabaseHandle): Promise<void> {
  await loadSmallDistrict(handle, INDEX_DISTRICT_DOSSIERS, INDEX_DISTRICT_UNITS)
}
