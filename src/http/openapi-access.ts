import type { SwaggerTransform, SwaggerTransformObject } from '@fastify/swagger'
import { jsonSchemaTransform } from 'fastify-type-provider-zod'
import { SHARED_DATA_PERMISSIONS } from '../domain/accounts/role.js'
import type { Access } from './plugins/authentication.js'

/** What an operation of the document says about its access: `public`, or a permission and whether it needs the root unit. */
export type DocumentedAccess = { public: true } | { permission: string; root: boolean }
export const ACCESS_KEY = 'x-motcua-access'

const SECURITY: { [scheme: string]: string[] }[] = [{ session: [] }, { bearer: [] }]
/** For the document's components: how a caller proves who it is. */
export const SECURITY_SCHEMES = {
  session: { type: 'apiKey' as const, in: 'cookie', name: 'motcua_session', description: 'Phiên đăng nhập (kèm tiêu đề x-csrf-token khi thay đổi dữ liệu)' },
  bearer: { type: 'http' as const, scheme: 'bearer', description: 'Mã truy cập cho hệ thống khác (cli -- users token)' },
}

function documented(access: Access | undefined): DocumentedAccess | undefined {
  if (!access) return undefined
  if ('public' in access) return { public: true }
  return { permission: access.permission, root: SHARED_DATA_PERMISSIONS[access.permission] !== undefined }
}

const openapiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}')

/**
 * Every operation of the OpenAPI document says who may call it — `security`, a line of its
 * description and `x-motcua-access` — taken from the route's own `config.access`, so the
 * document cannot drift from the check, and the scope tests can walk it.
 */
export function documentAccess(): { transform: SwaggerTransform; transformObject: SwaggerTransformObject } {
  const accessOf = new Map<string, DocumentedAccess>()
  return {
    transform(input) {
      const result = jsonSchemaTransform(input)
      const access = documented(input.route.config?.access)
      if (!access) return result
      const methods = Array.isArray(input.route.method) ? input.route.method : [input.route.method]
      for (const method of methods) accessOf.set(`${method.toLowerCase()} ${openapiPath(result.url)}`, access)
      const line = 'public' in access ? 'Không cần đăng nhập.' : `Quyền cần có: ${access.permission}${access.root ? ' (chỉ tài khoản cấp tỉnh)' : ''}.`
      const schema: { description?: string } = result.schema ?? {}
      return {
        url: result.url,
        schema: { ...schema, security: 'public' in access ? [] : SECURITY, description: schema.description ? `${schema.description}\n\n${line}` : line },
      }
    },
    transformObject(document) {
      if (!('openapiObject' in document)) return document.swaggerObject
      const openapi = document.openapiObject
      const paths = (openapi.paths ?? {}) as Record<string, Record<string, object>>
      for (const [path, operations] of Object.entries(paths)) {
        for (const [method, operation] of Object.entries(operations)) {
          const access = accessOf.get(`${method} ${path}`)
          if (access) operations[method] = { ...operation, [ACCESS_KEY]: access }
        }
      }
      return openapi
    },
  }
}
