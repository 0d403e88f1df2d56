import { describe, expect, it } from 'vitest'
import { matchRoute } from './routes.js'

describe('the console’s addresses', () => {
  it.each([
    ['/', 'dashboard'],
    ['/mot-cua', 'desk'],
    ['/mot-cua/tiep-nhan', 'desk'],
    ['/mot-cua/ho-so/H23.07.01-220905-001', 'desk'],
    ['/chi-so-766', 'index766'],
    ['/phan-anh/', 'feedback'],
    ['/thu-tuc', 'procedures'],
  ])('%s opens the %s section', (path, section) => {
    const route = matchRoute(path)
    expect(route.section).toBe(section)
    expect(route.page?.bare).toBeFalsy()
  })

  it('a printed slip stands alone, without the header', () => {
    expect(matchRoute('/mot-cua/ho-so/H23.07.01-220905-001/in/giay-tiep-nhan')).toMatchObject({ section: 'desk', page: { bare: true } })
  })

  it.each(['/khong-co', '/mot-cua/ho-so', '/mot-cua/ho-so/X/in/khong-co-mau', '/mot-cua/ho-so/%E0%A4%A', '/chi-so-766/them'])(
    '%s is no page',
    (path) => {
      expect(matchRoute(path)).toEqual({ section: null, page: null })
    },
  )
})
