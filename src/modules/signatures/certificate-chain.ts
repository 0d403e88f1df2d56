import type { X509Certificate } from 'node:crypto'

const MAX_DEPTH = 8

const validAt = (certificate: X509Certificate, at: Date) => at >= new Date(certificate.validFrom) && at <= new Date(certificate.validTo)
const issued = (issuer: X509Certificate, child: X509Certificate) => child.checkIssued(issuer) && child.verify(issuer.publicKey)

/**
 * Whether `leaf` chains to one of the anchors through the certificates the signature carries,
 * each issuer a CA valid at `at` whose key verifies its child's signature (node:crypto). Returns
 * null when it does, else why not, in Vietnamese.
 */
export function chainProblem(leaf: X509Certificate, carried: readonly X509Certificate[], anchors: readonly X509Certificate[], at: Date): string | null {
  if (anchors.length === 0) return 'chưa cấu hình chứng thư gốc tin cậy (MOTCUA_TRUST_ANCHORS hoặc --trust)'
  let current = leaf
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    if (anchors.some((a) => a.fingerprint256 === current.fingerprint256)) return null
    const anchor = anchors.find((a) => a.ca && issued(a, current))
    if (anchor) return validAt(anchor, at) ? null : `chứng thư gốc "${anchor.subject.replace(/\n/g, ', ')}" không còn hiệu lực`
    const next = carried.find((c) => c.fingerprint256 !== current.fingerprint256 && c.ca && validAt(c, at) && issued(c, current))
    if (!next) return `không xây dựng được chuỗi chứng thư từ "${current.issuer.replace(/\n/g, ', ')}" đến một tổ chức chứng thực tin cậy`
    current = next
  }
  return 'chuỗi chứng thư quá dài'
}
