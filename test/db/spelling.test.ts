import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

/*
 * One spelling of "số hóa" (templates/README.md, "Spelling"): the templates, the domain's and the
 * console's labels and messages never write "hoá" (the older tone placement).
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name)
    if (statSync(path).isDirectory()) return filesUnder(path)
    return /\.(ts|tsx|json)$/.test(name) && !name.endsWith('.test.ts') ? [path] : []
  })
}

describe('one spelling of "số hóa"', () => {
  it('no template, label or message writes "hoá"', () => {
    const offenders = ['templates', 'src', 'web/src']
      .flatMap((folder) => filesUnder(join(ROOT, folder)))
      .filter((path) => !path.endsWith('target-values.ts')) // matches both spellings on import, on purpose
      .filter((path) => /hoá(?!\p{L})/iu.test(readFileSync(path, 'utf8').normalize('NFC')))
    expect(offenders).toEqual([])
  })
})
