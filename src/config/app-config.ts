import { z } from 'zod'
import { AppError, ErrorCode } from '../domain/shared/app-error.js'

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  // An empty variable means unset, as shells and CI files often leave it.
  DATABASE_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional()),
  MOTCUA_DATA: z.preprocess((v) => (v === '' ? undefined : v), z.string().default('./data')),
})

export interface AppConfig {
  port: number
  host: string
  databaseUrl: string | undefined
  dataDir: string
}

/** Read and checked once at start-up; the rest of the code gets a typed object. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<AppConfig> = {}): AppConfig {
  const parsed = EnvSchema.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')
    throw new AppError(ErrorCode.validation, `invalid environment: ${problems}`, `Cấu hình môi trường không hợp lệ: ${problems}`)
  }
  const e = parsed.data
  return { port: e.PORT, host: e.HOST, databaseUrl: e.DATABASE_URL || undefined, dataDir: e.MOTCUA_DATA, ...overrides }
}
