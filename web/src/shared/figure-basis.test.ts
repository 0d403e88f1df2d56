import { describe, expect, it } from 'vitest'
import { ATTRIBUTION_LABELS, attributionParam, readAttribution } from './figure-basis.js'

describe('the receiver / decider switch in the address', () => {
  it('reads by=decider, and anything else as the receiving unit', () => {
    expect(readAttribution(new URLSearchParams('unit=H23&by=decider'))).toBe('decider')
    expect(readAttribution(new URLSearchParams('unit=H23'))).toBe('receiver')
    expect(readAttribution(new URLSearchParams('by=anything'))).toBe('receiver')
  })

  it('writes only the decider, so the addresses of before stay the same', () => {
    expect(attributionParam('receiver')).toEqual({})
    const params = new URLSearchParams({ unit: 'H23', ...attributionParam('decider') })
    expect(readAttribution(params)).toBe('decider')
  })

  it('offers the two choices in Vietnamese', () => {
    expect(Object.values(ATTRIBUTION_LABELS)).toEqual(['Theo đơn vị tiếp nhận', 'Theo đơn vị giải quyết'])
  })
})
