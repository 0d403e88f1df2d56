import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import type { Role } from '../../src/domain/accounts/role.js'
import { createUser } from '../../src/modules/accounts/create-user.js'

export const TEST_PASSWORD = 'mat-khau-thu-nghiem-2022'

export interface SignedIn {
  username: string
  cookie: string
  csrfToken: string
  /** app.inject as this user: the session cookie, and the CSRF header on changes. */
  inject(options: InjectOptions | string): Promise<LightMyRequestResponse>
}

let counter = 0

/** Creates an official with a role at a unit and logs in through the real login route. */
export async function signIn(app: FastifyInstance, handle: DatabaseHandle, role: Role, unitCode: string): Promise<SignedIn> {
  const username = `test.${role.replace('_', '-')}.${counter++}.${process.pid}`
  await createUser(handle.db, { username, displayName: `Người thử ${role}`, password: TEST_PASSWORD, unitCode, role }, 'test')
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: TEST_PASSWORD } })
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.body}`)
  const cookie = response.cookies.find((c) => c.name === 'motcua_session')!.value
  const csrfToken = (response.json() as { csrf_token: string }).csrf_token
  return {
    username,
    cookie,
    csrfToken,
    inject(options) {
      const base: InjectOptions = typeof options === 'string' ? { method: 'GET', url: options } : options
      return app.inject({ ...base, cookies: { ...(base.cookies ?? {}), motcua_session: cookie }, headers: { ...(base.headers ?? {}), 'x-csrf-token': csrfToken } })
    },
  }
}
