import { describe, expect, it } from 'vitest'
import { shareOfDossier, type Split } from './split-history.js'

const split: Split = {
  code: 'H23.07.05',
  successors: ['H31.07.1', 'H31.07.2'],
  areas: new Map([['H31.07.2', ['Thôn Đông', 'Xã An Thanh']]]),
}
const none = new Map<string, string>()

describe('a dossier of a split unit goes to one successor', () => {
  it('the successor the file names for the dossier comes first', () => {
    expect(shareOfDossier(split, { code: 'HS-1', applicantAddress: 'Thôn Đông' }, new Map([['HS-1', 'H31.07.1']]))).toEqual({ successor: 'H31.07.1', reason: 'named' })
  })

  it('else the successor whose areas the applicant’s address names, whatever the case and spacing', () => {
    expect(shareOfDossier(split, { code: 'HS-2', applicantAddress: 'số 5, thôn  đông, huyện Tứ Kỳ' }, none)).toEqual({ successor: 'H31.07.2', reason: 'address' })
    expect(shareOfDossier(split, { code: 'HS-3', applicantAddress: 'Xóm 2, XÃ AN THANH' }, none)).toEqual({ successor: 'H31.07.2', reason: 'address' })
  })

  it('an area is a whole part of the address, not the start of a longer name', () => {
    expect(shareOfDossier(split, { code: 'HS-4', applicantAddress: 'Thôn Đông Hưng, Tứ Kỳ' }, none)).toEqual({ successor: 'H31.07.1', reason: 'first' })
    expect(shareOfDossier(split, { code: 'HS-5', applicantAddress: 'Xã Tân An Thanh' }, none)).toEqual({ successor: 'H31.07.1', reason: 'first' })
  })

  it('else, or with no address recorded, the first successor named', () => {
    expect(shareOfDossier(split, { code: 'HS-6', applicantAddress: null }, none)).toEqual({ successor: 'H31.07.1', reason: 'first' })
    expect(shareOfDossier(split, { code: 'HS-7', applicantAddress: 'Thôn Tây' }, none)).toEqual({ successor: 'H31.07.1', reason: 'first' })
  })
})
