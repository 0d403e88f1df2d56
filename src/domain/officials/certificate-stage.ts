/**
 * Where an official's digital-signature certificate stands (seed 001: officials register, Ban Cơ
 * yếu issues, Phòng VHTT hands it out and helps install it). 'none' is "not yet registered".
 */
export const CertificateStage = {
  none: 'none',
  registered: 'registered',
  issued: 'issued',
  handedOut: 'handed_out',
  installed: 'installed',
} as const
export type CertificateStage = (typeof CertificateStage)[keyof typeof CertificateStage]
export const CERTIFICATE_STAGES = Object.values(CertificateStage) as readonly CertificateStage[]

export const CERTIFICATE_STAGE_LABELS: Record<CertificateStage, string> = {
  none: 'Chưa đăng ký',
  registered: 'Đã đăng ký',
  issued: 'Đã cấp',
  handed_out: 'Đã bàn giao',
  installed: 'Đã cài đặt',
}

const rank = (stage: CertificateStage) => CERTIFICATE_STAGES.indexOf(stage)

/**
 * Why a move from one stage to another is refused, in Vietnamese, or null when it is allowed.
 * Forward moves may skip stages (a certificate handed out and installed the same day); the only
 * move back is to "registered", which is a renewal (a new certificate is asked for).
 */
export function stageChangeProblem(from: CertificateStage, to: CertificateStage): string | null {
  if (from === to || rank(to) > rank(from)) return null
  if (to === CertificateStage.registered) return null
  return `không thể chuyển chứng thư số từ "${CERTIFICATE_STAGE_LABELS[from]}" về "${CERTIFICATE_STAGE_LABELS[to]}" (chỉ được đăng ký cấp lại)`
}

/** A certificate file read for an official means it was issued: the stage moves up to "issued", never down. */
export function stageAfterCertificateRead(current: CertificateStage): CertificateStage {
  return rank(current) >= rank(CertificateStage.issued) ? current : CertificateStage.issued
}
