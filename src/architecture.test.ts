import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

/*
 * The layers, held by a test so they stay true: the domain knows nothing of SQL, HTTP or the
 * modules; routes are thin (their use cases and queries live in src/modules); the API's
 * contracts are pure, so the console's build can import them.
 */

const SRC = new URL('.', import.meta.url).pathname

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : []
  })
}

function importsOf(path: string): string[] {
  return [...readFileSync(path, 'utf8').matchAll(/^(?:import|export)[^'"]*from '([^']+)'/gm)].map((m) => m[1]!)
}

const offending = (dir: string, bad: (specifier: string, file: string) => boolean) =>
  filesUnder(join(SRC, dir)).flatMap((file) => importsOf(file).filter((s) => bad(s, file)).map((s) => `${relative(SRC, file)} → ${s}`))

describe('the layers of src/', () => {
  it('the domain imports nothing but the domain, zod and the date-holidays data', () => {
    expect(offending('domain', (s) => (s.startsWith('.') ? /\/(db|http|modules|cli|config)\//.test(s) : !['zod', 'date-holidays'].includes(s)))).toEqual([])
  })

  it('no route touches the database itself: no Kysely, no SQL builder calls', () => {
    const files = filesUnder(join(SRC, 'http', 'routes'))
    expect(files.filter((f) => importsOf(f).includes('kysely')).map((f) => relative(SRC, f))).toEqual([])
    const builder = /\.(selectFrom|insertInto|updateTable|deleteFrom|transaction)\(/
    expect(files.filter((f) => builder.test(readFileSync(f, 'utf8'))).map((f) => relative(SRC, f))).toEqual([])
  })

  it('the contracts are pure: zod and the domain only (the console imports their types)', () => {
    expect(offending('contracts', (s) => (s.startsWith('.') ? !/^\.\.\/domain\/|^\.\//.test(s) : s !== 'zod'))).toEqual([])
  })
})
