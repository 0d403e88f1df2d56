import { describe, expect, it } from 'vitest'
import { belongsOn, whatIsMissing, type RegistryFacts } from './registry-lists.js'
import { identitiesOfUids, personalIdentityNumber } from './certificate-subject.js'

const on = new Date('2022-09-15T00:00:00+07:00')
const days = (n: number) => new Date(on.getTime() + n * 86_400_000)
const official = (over: Partial<RegistryFacts> = {}): RegistryFacts => ({
  handles_dossiers: true,
  national_portal_account: 'an.nv',
  ecert_right: true,
  certificate: { valid_from: days(-300), valid_to: days(400) },
  ...over,
})

describe('the registry’s lists', () => {
  it('an official handling dossiers without a certificate, with an expired one, or without an account is listed', () => {
    expect(belongsOn('missing-certificate-or-account', official(), on)).toBe(false)
    expect(belongsOn('missing-certificate-or-account', official({ certificate: null }), on)).toBe(true)
    expect(belongsOn('missing-certificate-or-account', official({ certificate: { valid_from: days(-400), valid_to: days(-1) } }), on)).toBe(true)
    expect(belongsOn('missing-certificate-or-account', official({ national_portal_account: '  ' }), on)).toBe(true)
    expect(belongsOn('missing-certificate-or-account', official({ certificate: null, handles_dossiers: false }), on)).toBe(false)
    expect(whatIsMissing(official({ certificate: null, national_portal_account: null }), on)).toEqual(['chưa có chữ ký số', 'chưa có tài khoản Dịch vụ công quốc gia'])
  })
  it('an account without the e-certification right is listed for Phòng Tư pháp; no account, no listing', () => {
    expect(belongsOn('account-without-ecert-right', official({ ecert_right: false }), on)).toBe(true)
    expect(belongsOn('account-without-ecert-right', official({ ecert_right: false, national_portal_account: null }), on)).toBe(false)
  })
  it('a certificate ending within 30 days is listed; one already ended or ending later is not', () => {
    expect(belongsOn('expiring-soon', official({ certificate: { valid_from: days(-300), valid_to: days(20) } }), on)).toBe(true)
    expect(belongsOn('expiring-soon', official({ certificate: { valid_from: days(-300), valid_to: days(30) } }), on)).toBe(false)
    expect(belongsOn('expiring-soon', official({ certificate: { valid_from: days(-300), valid_to: days(-1) } }), on)).toBe(false)
  })
})

describe('the identity a certificate names', () => {
  it('reads CMND, CCCD and MST from the UID attributes', () => {
    const ids = identitiesOfUids(['MST:0800123456', 'CCCD:030201004589', 'something else'])
    expect(ids).toEqual([{ kind: 'MST', value: '0800123456' }, { kind: 'CCCD', value: '030201004589' }])
    expect(personalIdentityNumber(ids)).toBe('030201004589')
    expect(personalIdentityNumber(identitiesOfUids(['MST:0800123456']))).toBeNull()
  })
})
