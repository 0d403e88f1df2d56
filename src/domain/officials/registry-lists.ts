/** What the lists of the registry need to know of an official. */
export interface RegistryFacts {
  handles_dossiers: boolean
  national_portal_account: string | null
  ecert_right: boolean
  certificate: { valid_from: Date; valid_to: Date } | null
}

/** The lists seed 001 asks the offices to draw up. */
export const RegistryList = {
  /** Officials handling dossiers without a valid certificate or without a national-portal account (all offices). */
  missingCertificateOrAccount: 'missing-certificate-or-account',
  /** Officials with a portal account but without the e-certification right (Phòng Tư pháp). */
  accountWithoutEcertRight: 'account-without-ecert-right',
  /** Certificates that expire within 30 days (Phòng VHTT: renewals). */
  expiringSoon: 'expiring-soon',
} as const
export type RegistryList = (typeof RegistryList)[keyof typeof RegistryList]
export const REGISTRY_LISTS = Object.values(RegistryList) as readonly RegistryList[]

export const REGISTRY_LIST_TITLES: Record<RegistryList, string> = {
  'missing-certificate-or-account': 'Danh sách cán bộ, công chức giải quyết TTHC chưa có chữ ký số hoặc chưa có tài khoản Dịch vụ công quốc gia',
  'account-without-ecert-right': 'Danh sách cán bộ, công chức đã có tài khoản Dịch vụ công quốc gia nhưng chưa được cấp quyền chứng thực điện tử',
  'expiring-soon': 'Danh sách chứng thư số hết hạn trong 30 ngày tới',
}

export const EXPIRY_WARNING_DAYS = 30
const DAY_MS = 86_400_000

export function hasPortalAccount(o: RegistryFacts): boolean {
  return (o.national_portal_account ?? '').trim() !== ''
}

/** A certificate is valid on a moment when it has started and not yet ended. */
export function hasValidCertificate(o: RegistryFacts, on: Date): boolean {
  return o.certificate !== null && o.certificate.valid_from <= on && o.certificate.valid_to >= on
}

export function expiresWithin(o: Pick<RegistryFacts, 'certificate'>, on: Date, days = EXPIRY_WARNING_DAYS): boolean {
  return o.certificate !== null && o.certificate.valid_to >= on && o.certificate.valid_to < new Date(on.getTime() + days * DAY_MS)
}

/** Whether an official belongs on a list on a given moment. One definition for the API, the print and the XLSX. */
export function belongsOn(list: RegistryList, o: RegistryFacts, on: Date): boolean {
  switch (list) {
    case 'missing-certificate-or-account':
      return o.handles_dossiers && (!hasValidCertificate(o, on) || !hasPortalAccount(o))
    case 'account-without-ecert-right':
      return hasPortalAccount(o) && !o.ecert_right
    case 'expiring-soon':
      return expiresWithin(o, on)
  }
}

/** What an official lacks, in the words of the printed list ("Chưa có chữ ký số; chưa có tài khoản"). */
export function whatIsMissing(o: RegistryFacts, on: Date): string[] {
  const missing: string[] = []
  if (o.certificate === null) missing.push('chưa có chữ ký số')
  else if (o.certificate.valid_to < on) missing.push('chứng thư số đã hết hạn')
  else if (o.certificate.valid_from > on) missing.push('chứng thư số chưa có hiệu lực')
  if (!hasPortalAccount(o)) missing.push('chưa có tài khoản Dịch vụ công quốc gia')
  return missing
}
