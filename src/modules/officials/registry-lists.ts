import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { CERTIFICATE_STAGE_LABELS } from '../../domain/officials/certificate-stage.js'
import { belongsOn, REGISTRY_LIST_TITLES, whatIsMissing, type RegistryList } from '../../domain/officials/registry-lists.js'
import { formatVietnameseDate } from '../../domain/time/local-date.js'
import { toVietnamDate } from '../../domain/time/vietnam-time.js'
import { listOfficials, type OfficialView } from './officials.repository.js'

/** One line of a printed list: who, where, and what the office must do about them. */
export interface RegistryListRow {
  id: number
  unit_code: string
  unit_name: string
  full_name: string
  position: string | null
  national_portal_account: string | null
  certificate_stage: string
  /** Vietnam date, d/m/yyyy, or null. */
  certificate_valid_to: string | null
  note: string
}

export interface RegistryListAnswer {
  list: RegistryList
  title: string
  unit_code: string
  unit_name: string
  /** The day the list is drawn up on (Vietnam date, YYYY-MM-DD). */
  on: string
  rows: RegistryListRow[]
}

function noteFor(list: RegistryList, o: OfficialView, on: Date): string {
  if (list === 'missing-certificate-or-account') return whatIsMissing(o, on).join('; ')
  if (list === 'account-without-ecert-right') return `Đề nghị cấp quyền chứng thực điện tử cho tài khoản ${o.national_portal_account}`
  const days = Math.ceil((o.certificate!.valid_to.getTime() - on.getTime()) / 86_400_000)
  return `Còn ${days} ngày`
}

/** A list of the registry over a scope on a day: the officials the domain's rule puts on it, by unit and name. */
export async function registryList(db: Kysely<Database>, list: RegistryList, scope: { unitIds: Iterable<number>; unit: { code: string; name: string } }, on: Date): Promise<RegistryListAnswer> {
  const officials = await listOfficials(db, scope.unitIds)
  return {
    list,
    title: REGISTRY_LIST_TITLES[list],
    unit_code: scope.unit.code,
    unit_name: scope.unit.name,
    on: toVietnamDate(on),
    rows: officials
      .filter((o) => belongsOn(list, o, on))
      .map((o) => ({
        id: o.id, unit_code: o.unit_code, unit_name: o.unit_name, full_name: o.full_name, position: o.position, national_portal_account: o.national_portal_account,
        certificate_stage: CERTIFICATE_STAGE_LABELS[o.certificate_stage],
        certificate_valid_to: o.certificate ? formatVietnameseDate(toVietnamDate(o.certificate.valid_to)) : null,
        note: noteFor(list, o, on),
      })),
  }
}
