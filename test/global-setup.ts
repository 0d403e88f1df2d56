import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { openDatabase } from '../src/db/open-database.js'
import { migrateToLatest } from '../src/db/migrate.js'

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: a dump of a migrated database. Server: the name of a migrated template database. */
    templateDump: string
    templateDatabase: string
  }
}

/**
 * Migrate once, then every test file starts from a copy: a dump loaded into an in-memory
 * PGlite (0.3 s instead of 3.5 s), or `CREATE DATABASE … TEMPLATE` on a server.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await buildWebConsoleForBrowserTests()
  const databaseUrl = process.env.DATABASE_URL
  if (databaseUrl) {
    const template = `motcua_test_template_${process.pid}`
    const admin = new pg.Client({ connectionString: databaseUrl })
    await admin.connect()
    await admin.query(`drop database if exists ${template}`)
    await admin.query(`create database ${template}`)
    const url = new URL(databaseUrl)
    url.pathname = `/${template}`
    const handle = await openDatabase({ databaseUrl: url.toString() })
    await migrateToLatest(handle.db)
    await handle.close()
    project.provide('templateDatabase', template)
    project.provide('templateDump', '')
    return async () => {
      await admin.query(`drop database if exists ${template} with (force)`)
      await admin.end()
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'motcua-test-'))
  const handle = await openDatabase({ memory: true })
  await migrateToLatest(handle.db)
  const dumpPath = join(dir, 'template.tar')
  if (!handle.dumpDataDir) throw new Error('the embedded database cannot dump itself')
  const dump = await handle.dumpDataDir()
  writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()))
  await handle.close()
  project.provide('templateDump', dumpPath)
  project.provide('templateDatabase', '')
  return async () => rmSync(dir, { recursive: true, force: true })
}

/**
 * The browser tests serve web/dist: build it here, once, before any test file runs. Built inside
 * a test file instead, the build holds that worker for a minute and vitest reports the worker
 * as unresponsive even when every test passes.
 */
async function buildWebConsoleForBrowserTests(): Promise<void> {
  if (!existsSync('/usr/bin/chromium')) return
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(new URL('../scripts/ensure-web-build.mjs', import.meta.url))], { stdio: 'inherit' })
    child.on('error', reject)
    child.on('exit', resolve)
  })
  if (code !== 0) throw new Error(`web console build failed (exit ${code})`)
}
