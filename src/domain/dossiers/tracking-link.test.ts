import { describe, expect, it } from 'vitest'
import { trackingPath, trackingUrl } from './tracking-link.js'

describe('the lookup address printed on the receipt slip', () => {
  it('is /tra-cuu/<code> under the public address, with or without its trailing slash', () => {
    expect(trackingPath('H23.07.01-220429-001')).toBe('/tra-cuu/H23.07.01-220429-001')
    expect(trackingUrl('https://dichvucong.haiduong.gov.vn/', 'H23.07.01-220429-001')).toBe('https://dichvucong.haiduong.gov.vn/tra-cuu/H23.07.01-220429-001')
    expect(trackingUrl('https://motcua.example.vn/cong', 'A B')).toBe('https://motcua.example.vn/cong/tra-cuu/A%20B')
  })
})
