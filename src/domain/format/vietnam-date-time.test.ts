import { describe, expect, it } from 'vitest'
import { formatVietnamDateTime } from './vietnam-date-time.js'

describe('an instant as an officer reads it', () => {
  it('8:15 in Hà Nội on 15/9/2022 is written "15/9/2022 08:15", whatever the zone the instant came in', () => {
    expect(formatVietnamDateTime(new Date('2022-09-15T01:15:00Z'))).toBe('15/9/2022 08:15')
    expect(formatVietnamDateTime(new Date('2022-09-15T08:15:00+07:00'))).toBe('15/9/2022 08:15')
  })

  it('late on 14/9 UTC is already the morning of 15/9 in Vietnam', () => {
    expect(formatVietnamDateTime(new Date('2022-09-14T23:30:00Z'))).toBe('15/9/2022 06:30')
  })
})
