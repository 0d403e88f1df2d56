import { describe, expect, it } from 'vitest'
import { authorityLines } from './signature-authority.js'

describe('the authority lines above the signer’s name (Decree 30)', () => {
  it('a vice-chair signing for the committee: TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH, PHÓ CHỦ TỊCH', () => {
    expect(authorityLines('vice_chair', 'Ủy ban nhân dân')).toEqual(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'])
  })

  it('the chair signing for the committee, or in the chair’s own name', () => {
    expect(authorityLines('chair', 'ỦY BAN NHÂN DÂN')).toEqual(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'])
    expect(authorityLines('chair')).toEqual(['CHỦ TỊCH'])
  })

  it('the office: its chief, or a deputy signing for the chief', () => {
    expect(authorityLines('chief_of_office')).toEqual(['CHÁNH VĂN PHÒNG'])
    expect(authorityLines('deputy_chief_of_office')).toEqual(['KT. CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG'])
  })
})
