import { describe, expect, it } from 'vitest'
import { stageAfterCertificateRead, stageChangeProblem } from './certificate-stage.js'

describe('a signing certificate’s way from registration to installation', () => {
  it('moves forward, skipping stages if need be', () => {
    expect(stageChangeProblem('none', 'registered')).toBeNull()
    expect(stageChangeProblem('registered', 'installed')).toBeNull()
  })
  it('goes back only to a new registration (a renewal)', () => {
    expect(stageChangeProblem('installed', 'registered')).toBeNull()
    expect(stageChangeProblem('installed', 'issued')).toMatch(/không thể chuyển chứng thư số từ "Đã cài đặt" về "Đã cấp"/)
    expect(stageChangeProblem('issued', 'none')).not.toBeNull()
  })
  it('a certificate file read for an official means it was at least issued', () => {
    expect(stageAfterCertificateRead('none')).toBe('issued')
    expect(stageAfterCertificateRead('registered')).toBe('issued')
    expect(stageAfterCertificateRead('installed')).toBe('installed')
  })
})
