/** The identity a Vietnamese certificate names in its subject's UID: "CMND:…", "CCCD:…", "MST:…". */
export interface SubjectIdentity {
  kind: 'CMND' | 'CCCD' | 'MST' | 'HC'
  value: string
}

const UID_PATTERN = /^\s*(CMND|CCCD|MST|HC)\s*[:=]\s*([0-9A-Za-z-]+)\s*$/i

/**
 * The identities in a certificate's UID attributes. Ban Cơ yếu Chính phủ and the commercial CAs
 * write one per UID ("CMND:030201004589", "MST:0800123456"); other UIDs are not identities.
 */
export function identitiesOfUids(uids: readonly string[]): SubjectIdentity[] {
  const found: SubjectIdentity[] = []
  for (const uid of uids) {
    const match = UID_PATTERN.exec(uid)
    if (match) found.push({ kind: match[1]!.toUpperCase() as SubjectIdentity['kind'], value: match[2]! })
  }
  return found
}

/** The personal identity number (CMND or CCCD) of a certificate, if it names one. */
export function personalIdentityNumber(identities: readonly SubjectIdentity[]): string | null {
  return identities.find((i) => i.kind === 'CCCD' || i.kind === 'CMND')?.value ?? null
}
