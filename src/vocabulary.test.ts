import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { QUEUE_LABELS } from './domain/dossiers/dossier-queues.js'
import { CHANNEL_LABELS, DOSSIER_STATUS_LABELS } from './domain/dossiers/dossier-status.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
/** Where each word is defined, once. */
const DEFINED_IN = new Set(['src/domain/dossiers/dossier-status.ts', 'src/domain/dossiers/dossier-queues.ts'])

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : []
  })
}

describe('one vocabulary for the desk', () => {
  it('queue names, status labels and channel labels are written once, in the domain, and nowhere else in the server or the console', () => {
    const words = [...new Set([...Object.values(QUEUE_LABELS), ...Object.values(DOSSIER_STATUS_LABELS), ...Object.values(CHANNEL_LABELS)])]
    const repeated: string[] = []
    for (const file of [...sources(join(ROOT, 'src')), ...sources(join(ROOT, 'web/src'))]) {
      const name = relative(ROOT, file)
      if (DEFINED_IN.has(name)) continue
      const text = readFileSync(file, 'utf8')
      for (const word of words) {
        if (text.includes(`'${word}'`) || text.includes(`"${word}"`) || text.includes(`>${word}<`)) repeated.push(`${name}: ${word}`)
      }
    }
    expect(repeated).toEqual([])
  })
})
