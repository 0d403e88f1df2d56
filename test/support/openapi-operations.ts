import type { FastifyInstance } from 'fastify'
import type { DocumentedAccess } from '../../src/http/openapi-access.js'
import { ACCESS_KEY } from '../../src/http/openapi-access.js'

export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** As the document writes it: /api/v1/dossiers/{code}. */
  path: string
  access: DocumentedAccess | undefined
  hasBody: boolean
  /** The query parameters the operation declares. */
  query: string[]
}

interface DocumentOperation {
  [ACCESS_KEY]?: DocumentedAccess
  requestBody?: unknown
  parameters?: { in: string; name: string }[]
}

/** Every operation of the server's own OpenAPI document (GET /docs/json): what the scope tests walk. */
export async function operationsOf(app: FastifyInstance): Promise<Operation[]> {
  const response = await app.inject('/docs/json')
  if (response.statusCode !== 200) throw new Error(`GET /docs/json answered ${response.statusCode}`)
  const paths = (response.json() as { paths: Record<string, Record<string, DocumentOperation>> }).paths
  return Object.entries(paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({
      method: method.toUpperCase() as Operation['method'],
      path,
      access: operation[ACCESS_KEY],
      hasBody: operation.requestBody !== undefined,
      query: (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
    })),
  )
}

/** The path with its {parameters} filled in from `values` (a parameter with no value is an error). */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    const value = values[name]
    if (value === undefined) throw new Error(`no value for {${name}} in ${path}`)
    return encodeURIComponent(value)
  })
}

/** A plausible value for every path parameter the API declares, for the tests that walk every operation. */
export const SAMPLE_PATH_PARAMS: Readonly<Record<string, string>> = { code: 'AT-1', id: '1', position: '1', kind: 'letter', date: '2022-09-05', list: 'expiring-soon', submission: '1', form: 'M01', entry: '1' }

export const operationName = (o: Pick<Operation, 'method' | 'path'>) => `${o.method} ${o.path}`
