import { describe, expect, it } from 'vitest'
import { loadConfig } from './app-config.js'

describe('the environment of a deployment', () => {
  it('listens on this machine only, trusts no proxy and sends plain cookies unless told otherwise', () => {
    expect(loadConfig({})).toMatchObject({ host: '127.0.0.1', port: 3000, trustProxy: false, secureCookies: false })
    expect(loadConfig({ HOST: '', MOTCUA_TRUST_PROXY: '', MOTCUA_SECURE_COOKIES: '' })).toMatchObject({ host: '127.0.0.1', trustProxy: false, secureCookies: false })
  })

  it('behind an HTTPS proxy: HOST to listen beyond localhost, the proxies trusted for the client address, Secure cookies', () => {
    expect(loadConfig({ HOST: '0.0.0.0', MOTCUA_TRUST_PROXY: '10.0.0.5, 192.168.0.0/16,fd00::/8', MOTCUA_SECURE_COOKIES: 'true' })).toMatchObject({
      host: '0.0.0.0', trustProxy: ['10.0.0.5', '192.168.0.0/16', 'fd00::/8'], secureCookies: true,
    })
    expect(loadConfig({ MOTCUA_TRUST_PROXY: 'true' }).trustProxy).toBe(true)
    expect(loadConfig({ MOTCUA_TRUST_PROXY: '1' }).trustProxy).toBe(1)
    expect(loadConfig({ MOTCUA_TRUST_PROXY: 'loopback' }).trustProxy).toEqual(['loopback'])
    expect(loadConfig({ MOTCUA_SECURE_COOKIES: '1' }).secureCookies).toBe(true)
    // Served at an https address, the session cookie is Secure unless said otherwise.
    expect(loadConfig({ MOTCUA_PUBLIC_BASE_URL: 'https://dichvucong.haiduong.gov.vn' }).secureCookies).toBe(true)
    expect(loadConfig({ MOTCUA_PUBLIC_BASE_URL: 'https://dichvucong.haiduong.gov.vn', MOTCUA_SECURE_COOKIES: 'false' }).secureCookies).toBe(false)
    expect(loadConfig({ MOTCUA_PUBLIC_BASE_URL: 'http://192.168.1.10:3000' }).secureCookies).toBe(false)
  })

  it('MOTCUA_PUBLIC_BASE_URL is the address printed on the receipt slips; unset, the console’s own address is used', () => {
    expect(loadConfig({ MOTCUA_PUBLIC_BASE_URL: 'https://dichvucong.haiduong.gov.vn' }).publicBaseUrl).toBe('https://dichvucong.haiduong.gov.vn')
    expect(loadConfig({ MOTCUA_PUBLIC_BASE_URL: '' }).publicBaseUrl).toBeUndefined()
  })

  it.each([
    ['MOTCUA_PUBLIC_BASE_URL', 'ftp://x.vn'],
    ['MOTCUA_TRUST_PROXY', 'proxy.tinh.vn'],
    ['MOTCUA_TRUST_PROXY', '10.0.0.0/33'],
    ['MOTCUA_TRUST_PROXY', 'yes'],
    ['MOTCUA_SECURE_COOKIES', 'co'],
  ])('%s=%s is refused with the variable named, in Vietnamese', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(expect.objectContaining({ userMessage: expect.stringMatching(new RegExp(`^Cấu hình môi trường không hợp lệ: ${name}`)) }))
  })
})
