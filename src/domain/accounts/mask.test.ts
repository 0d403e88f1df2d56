import { describe, expect, it } from 'vitest'
import { maskIdentityNumber, maskPhone } from './mask.js'

describe('personal data shown to a role that does not need it', () => {
  it('a citizen identity number keeps its first four and last two digits', () => {
    expect(maskIdentityNumber('030201004589')).toBe('0302******89')
  })
  it('a phone number keeps its network prefix and last three digits', () => {
    expect(maskPhone('0912345678')).toBe('091****678')
  })
  it('short or missing values give nothing away', () => {
    expect(maskPhone('12345')).toBe('*****')
    expect(maskIdentityNumber(null)).toBeNull()
  })
})
