import { isIP } from 'node:net'
import { delimiter } from 'node:path'
import { z } from 'zod'
import { AppError, ErrorCode } from '../domain/shared/app-error.js'

// An empty variable means unset, as shells and CI files often leave it.
const unsetIfEmpty = (v: unknown) => (v === '' ? undefined : v)

const FlagText = z.enum(['true', 'false', '1', '0'], { message: 'phải là true hoặc false' })
const Flag = z.preprocess(unsetIfEmpty, FlagText.default('false').transform((v) => v === 'true' || v === '1'))
/** A flag whose absence means "decide from the rest of the configuration". */
const OptionalFlag = z.preprocess(unsetIfEmpty, FlagText.optional().transform((v) => (v === undefined ? undefined : v === 'true' || v === '1')))

/** An address or a CIDR block (10.0.0.0/8, fd00::/8), or a name Fastify knows (loopback, linklocal, uniquelocal). */
const isProxyAddress = (entry: string) => {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true
  const [address = '', bits, ...rest] = entry.split('/')
  const family = isIP(address)
  if (family === 0 || rest.length > 0) return false
  if (bits === undefined) return true
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128)
}

/**
 * Which proxies are trusted to say who the client is (X-Forwarded-For, X-Forwarded-Proto): none by
 * default; `true` for all (only when nothing reaches the server but through the proxy); a number of
 * hops; or a comma-separated list of proxy addresses and CIDR blocks.
 */
export type TrustProxy = boolean | number | string[]
const TrustProxySchema = z.preprocess(
  unsetIfEmpty,
  z
    .string()
    .default('false')
    .transform((v, ctx): TrustProxy => {
      const value = v.trim()
      if (['false', '0'].includes(value)) return false
      if (value === 'true') return true
      if (/^\d{1,2}$/.test(value)) return Number(value)
      const entries = value.split(',').map((e) => e.trim()).filter((e) => e !== '')
      const bad = entries.filter((e) => !isProxyAddress(e))
      if (entries.length === 0 || bad.length > 0) {
        ctx.addIssue({ code: 'custom', message: `phải là true, false, số tầng proxy hoặc danh sách địa chỉ/CIDR cách nhau bởi dấu phẩy (sai: ${bad.join(', ') || v})` })
        return z.NEVER
      }
      return entries
    }),
)

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** The address to listen on: 127.0.0.1 (this machine only) unless set, e.g. 0.0.0.0 behind a proxy on another host. */
  HOST: z.preprocess(unsetIfEmpty, z.string().default('127.0.0.1')),
  DATABASE_URL: z.preprocess(unsetIfEmpty, z.string().url().optional()),
  MOTCUA_DATA: z.preprocess(unsetIfEmpty, z.string().default('./data')),
  MOTCUA_TRUST_PROXY: TrustProxySchema,
  /** Mark the session cookie Secure: users reach the server over HTTPS (a TLS proxy in front). Unset: Secure when MOTCUA_PUBLIC_BASE_URL is https. */
  MOTCUA_SECURE_COOKIES: OptionalFlag,
  // The audit anchors' HMAC key, outside the database; by default <data>/audit-anchor.key.
  MOTCUA_AUDIT_KEY: z.preprocess(unsetIfEmpty, z.string().min(32).optional()),
  // How often the server writes the audit chain's head to the anchor file (when it moved).
  MOTCUA_AUDIT_ANCHOR_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  // Outgoing mail (reminders, notices to applicants): smtp://user:pass@host:587 or smtps://…; unset = e-mail waits in the outbox.
  MOTCUA_SMTP_URL: z.preprocess(unsetIfEmpty, z.string().regex(/^smtps?:\/\/[^\s]+$/, 'phải có dạng smtp://máy:cổng hoặc smtps://…').optional()),
  MOTCUA_MAIL_FROM: z.preprocess(unsetIfEmpty, z.string().min(3).default('Một cửa <no-reply@localhost>')),
  // SMS gateway taking a JSON POST; unset = SMS written to <data>/sms-spool.jsonl for a forwarder.
  MOTCUA_SMS_URL: z.preprocess(unsetIfEmpty, z.string().url().optional()),
  MOTCUA_SMS_TOKEN: z.preprocess(unsetIfEmpty, z.string().optional()),
  MOTCUA_OUTBOX_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  // Root CA certificates signatures must chain to: files or folders, separated by the path delimiter (':' on Linux); default <data>/trust-anchors/.
  MOTCUA_TRUST_ANCHORS: z.preprocess(unsetIfEmpty, z.string().optional()),
  // The key that seals the signing credentials (PKCS#12) held for officials and units; by default <data>/signing-credentials.key.
  MOTCUA_SIGNING_KEY: z.preprocess(unsetIfEmpty, z.string().min(32).optional()),
  // The public address citizens reach (notices, the lookup link and QR code on the receipt slip); unset: the address the console was reached at.
  MOTCUA_PUBLIC_BASE_URL: z.preprocess(unsetIfEmpty, z.url({ protocol: /^https?$/, message: 'phải là địa chỉ http(s)://…' }).optional()),
  // The citizens' portal: the secret salting one-time codes.
  MOTCUA_PORTAL_SECRET: z.preprocess(unsetIfEmpty, z.string().min(32).optional()),
  // The in-process payment sandbox (/sandbox-payment/…): for development and tests only.
  MOTCUA_PAYMENT_SANDBOX: Flag,
  // The payment gateway (VNPay-style): merchant code, HMAC-SHA512 secret, payment and API addresses.
  MOTCUA_PAYMENT_TMN_CODE: z.preprocess(unsetIfEmpty, z.string().optional()),
  MOTCUA_PAYMENT_SECRET: z.preprocess(unsetIfEmpty, z.string().min(16).optional()),
  MOTCUA_PAYMENT_URL: z.preprocess(unsetIfEmpty, z.string().url().optional()),
  MOTCUA_PAYMENT_API_URL: z.preprocess(unsetIfEmpty, z.string().url().optional()),
  // OpenID Connect login (VNeID or the province's identity provider): issuer, client id and secret.
  MOTCUA_OIDC_ISSUER: z.preprocess(unsetIfEmpty, z.string().url().optional()),
  MOTCUA_OIDC_CLIENT_ID: z.preprocess(unsetIfEmpty, z.string().optional()),
  MOTCUA_OIDC_CLIENT_SECRET: z.preprocess(unsetIfEmpty, z.string().optional()),
  // A demo without the seed letters' directives and tasks (to record them from scratch, as the browser test does).
  MOTCUA_DEMO_WITHOUT_DIRECTIVES: Flag,
})

export interface AppConfig {
  port: number
  host: string
  databaseUrl: string | undefined
  dataDir: string
  auditKey: string | undefined
  auditAnchorSeconds: number
  trustProxy: TrustProxy
  secureCookies: boolean
  smtpUrl: string | undefined
  mailFrom: string
  smsUrl: string | undefined
  smsToken: string | undefined
  outboxSeconds: number
  /** Configured trust anchor paths (empty: `<data>/trust-anchors/` when it exists). */
  trustAnchors: string[]
  signingKey: string | undefined
  publicBaseUrl: string | undefined
  portalSecret: string | undefined
  paymentSandbox: boolean
  paymentTmnCode: string | undefined
  paymentSecret: string | undefined
  paymentUrl: string | undefined
  paymentApiUrl: string | undefined
  oidcIssuer: string | undefined
  oidcClientId: string | undefined
  oidcClientSecret: string | undefined
  demoWithoutDirectives: boolean
}

/** Read and checked once at start-up; the rest of the code gets a typed object. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<AppConfig> = {}): AppConfig {
  const parsed = EnvSchema.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')
    throw new AppError(ErrorCode.validation, `invalid environment: ${problems}`, `Cấu hình môi trường không hợp lệ: ${problems}`)
  }
  const e = parsed.data
  return {
    port: e.PORT, host: e.HOST, databaseUrl: e.DATABASE_URL || undefined, dataDir: e.MOTCUA_DATA,
    trustProxy: e.MOTCUA_TRUST_PROXY, secureCookies: e.MOTCUA_SECURE_COOKIES ?? e.MOTCUA_PUBLIC_BASE_URL?.startsWith('https:') ?? false,
    auditKey: e.MOTCUA_AUDIT_KEY, auditAnchorSeconds: e.MOTCUA_AUDIT_ANCHOR_SECONDS,
    smtpUrl: e.MOTCUA_SMTP_URL, mailFrom: e.MOTCUA_MAIL_FROM, smsUrl: e.MOTCUA_SMS_URL, smsToken: e.MOTCUA_SMS_TOKEN,
    outboxSeconds: e.MOTCUA_OUTBOX_SECONDS,
    trustAnchors: (e.MOTCUA_TRUST_ANCHORS ?? '').split(delimiter).map((p) => p.trim()).filter((p) => p !== ''), signingKey: e.MOTCUA_SIGNING_KEY,
    publicBaseUrl: e.MOTCUA_PUBLIC_BASE_URL, portalSecret: e.MOTCUA_PORTAL_SECRET,
    paymentSandbox: e.MOTCUA_PAYMENT_SANDBOX, paymentTmnCode: e.MOTCUA_PAYMENT_TMN_CODE, paymentSecret: e.MOTCUA_PAYMENT_SECRET,
    paymentUrl: e.MOTCUA_PAYMENT_URL, paymentApiUrl: e.MOTCUA_PAYMENT_API_URL,
    oidcIssuer: e.MOTCUA_OIDC_ISSUER, oidcClientId: e.MOTCUA_OIDC_CLIENT_ID, oidcClientSecret: e.MOTCUA_OIDC_CLIENT_SECRET,
    demoWithoutDirectives: e.MOTCUA_DEMO_WITHOUT_DIRECTIVES, ...overrides,
  }
}
