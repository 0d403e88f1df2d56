// oidc-provider ships no types and @types/oidc-provider is not installed: the little the tests use.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http'

  interface Account {
    accountId: string
    claims: () => Promise<Record<string, unknown>>
  }
  interface Configuration {
    clients: Record<string, unknown>[]
    claims?: Record<string, string[]>
    findAccount?: (ctx: unknown, id: string) => Promise<Account>
    pkce?: { required: () => boolean }
    ttl?: Record<string, number>
  }
  export default class Provider {
    constructor(issuer: string, configuration: Configuration)
    callback(): (request: IncomingMessage, response: ServerResponse) => void
  }
}
