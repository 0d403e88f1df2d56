import { z } from 'zod'
import { AppError, ErrorCode } from '../domain/shared/app-error.js'

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  // An empty variable means unset, as shells and CI files often leave it.
  DATABASE_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional()),
  MOTCUA_DATA: z.preprocess((v) => (v === '' ? undefined : v), z.string().default('./data')),
  // The audit anchors' HMAC key, outside the database; by default <data>/audit-anchor.key.
  MOTCUA_AUDIT_KEY: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(32).optional()),
  // How often the server writes the audit chain's head to the anchor file (when it moved).
  MOTCUA_AUDIT_ANCHOR_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
})

export interface AppConfig {
  port: number
  host: string
  databaseUrl: string | undefined
  dataDir: string
  auditKey: string | undefined
  auditAnchorSeconds: number
}

/** Read and checked once at start-up; the rest of the code gets a typed object. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<AppConfig> = {}): AppConfig {
  const parsed = EnvSchema.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')
    throw new AppError(ErrorCode.validation, `invalid environment: ${problems}`, `Cấu hình môi trường không hợp lệ: ${problems}`)
  }
  const e = parsed.data
  return { port: e.PORT, host: e.HOST, databaseUrl: e.DATABASE_URL || undefined, dataDir: e.MOTCUA_DATA, auditKey: e.MOTCUA_AUDIT_KEY, auditAnchorSeconds: e.MOTCUA_AUDIT_ANCHOR_SECONDS, ...overrides }
}
