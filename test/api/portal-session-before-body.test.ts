import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { startApiServer, stopApiServer } from '../support/api-server.js'
import { BIRTH_REGISTRATION, loadPortalDistrict, portalSessionFor } from '../support/portal-citizen.js'

const MB = 1024 * 1024

let handle: DatabaseHandle
let app: FastifyInstance

beforeAll(async () => {
  ;({ handle, app } = await startApiServer({ portal: { publicBaseUrl: 'https://dichvucong.haiduong.example' } }))
  await loadPortalDistrict(handle)
})
afterAll(async () => stopApiServer({ handle, app }))

/** A submission whose files weigh `sizes` bytes each (base64 of zero bytes: the server would refuse them as files). */
const submissionOf = (sizes: number[]) => JSON.stringify({
  procedure_code: BIRTH_REGISTRATION, unit: 'H23.07.01', applicant: { name: 'Nguyễn Văn Bình' },
  components: sizes.map((size, i) => ({ position: i + 1, file_name: `tp${i + 1}.pdf`, content_base64: 'A'.repeat(Math.ceil(size / 3) * 4) })),
})
const post = (url: string, payload: string, session?: string) =>
  app.inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/json', ...(session ? { 'x-portal-session': session } : {}) } })
const dossierCount = async () => Number((await handle.db.selectFrom('dossiers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)

describe('the portal asks for the citizen’s session before it reads an upload', () => {
  it('answers 401 to a submission or a supplement without a session, even when its body is not JSON at all', async () => {
    for (const url of ['/api/v1/public/dossiers', '/api/v1/public/dossiers/H23.07.01-260101-001/supplement', '/api/v1/public/dossiers/H23.07.01-260101-001/rating']) {
      const answer = await post(url, '{"procedure_code": "1.0011')
      expect(answer.statusCode, url).toBe(401)
      expect(answer.json().message).toBe('Cần xác thực số điện thoại (mã OTP) hoặc đăng nhập trước')
    }
  })

  it('answers 401 to a made-up session whatever the body weighs, and keeps nothing', async () => {
    const before = await dossierCount()
    const answer = await post('/api/v1/public/dossiers', submissionOf([9 * MB, 9 * MB, 9 * MB]), 'phien-gia-mao-0123456789abcdef')
    expect(answer.statusCode).toBe(401)
    expect(answer.json().message).toBe('Phiên xác thực đã hết hạn; hãy nhận mã OTP mới')
    expect(await dossierCount()).toBe(before)
  })

  it('reads a session’s submission of up to 20 MB of files, and refuses a larger body with 413 in Vietnamese', async () => {
    const session = await portalSessionFor(app, handle, '0912345678')
    const within = await post('/api/v1/public/dossiers', submissionOf([9.5 * MB, 9.5 * MB]), session)
    expect(within.statusCode).toBe(400)
    expect(within.json().message).toContain('Tờ khai')
    const before = await dossierCount()
    const beyond = await post('/api/v1/public/dossiers', submissionOf([9 * MB, 9 * MB, 9 * MB]), session)
    expect(beyond.statusCode).toBe(413)
    expect(beyond.json().message).toBe('Dữ liệu gửi lên quá lớn; hãy gửi tệp nhỏ hơn (quét với độ phân giải thấp hơn)')
    expect(await dossierCount()).toBe(before)
  })
})
