import { describe, expect, it } from 'vitest'
import { gatewaySignatureValid, signedData, signedQuery } from './gateway-signature.js'

const SECRET = 'khoa-bi-mat-cua-don-vi'

describe('the payment gateway signature', () => {
  const params = { vnp_TxnRef: 'HS0001', vnp_Amount: '800000', vnp_OrderInfo: 'Lệ phí hồ sơ H23.07.01-221001-001', vnp_Command: 'pay' }

  it('signs the vnp_ parameters sorted by name, form-encoded', () => {
    expect(signedData({ ...params, other: 'x' })).toBe(
      `vnp_Amount=800000&vnp_Command=pay&vnp_OrderInfo=${encodeURIComponent('Lệ phí hồ sơ H23.07.01-221001-001').replace(/%20/g, '+')}&vnp_TxnRef=HS0001`,
    )
  })

  it('verifies its own signature and refuses any change of amount, reference or secret', () => {
    const query = Object.fromEntries(new URLSearchParams(signedQuery(params, SECRET)))
    expect(gatewaySignatureValid(query, SECRET)).toBe(true)
    expect(gatewaySignatureValid({ ...query, vnp_Amount: '100' }, SECRET)).toBe(false)
    expect(gatewaySignatureValid({ ...query, vnp_TxnRef: 'HS0002' }, SECRET)).toBe(false)
    expect(gatewaySignatureValid(query, 'khoa-khac')).toBe(false)
    expect(gatewaySignatureValid({ ...query, vnp_SecureHash: 'zz' }, SECRET)).toBe(false)
  })
})
