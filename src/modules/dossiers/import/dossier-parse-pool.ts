import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { AppError, type ErrorCode, type ErrorDetail } from '../../../domain/shared/app-error.js'
import type { CsvPiece } from '../../import/csv-pieces.js'
import type { DossierPieceSetup, PieceResult } from './dossier-piece.js'

export interface PieceRequest {
  id: number
  piece: CsvPiece
}

/** An AppError crosses threads as plain data and is made again on this side. */
interface PieceFailure {
  code?: ErrorCode
  message: string
  userMessage?: string
  details?: ErrorDetail[]
}

export type PieceResponse = { id: number; result: PieceResult } | { id: number; failure: PieceFailure }

interface Waiting {
  resolve: (result: PieceResult) => void
  reject: (error: Error) => void
}

// The worker is TypeScript when this file is (tsx, vitest): it then loads through tsx too.
const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? './dossier-parse-worker.ts' : './dossier-parse-worker.js', import.meta.url)

/**
 * A worker on the entry file. For TypeScript (tsx, vitest) a first script registers tsx in the
 * worker itself, without the parent's flags: Node 20 does not load `--import tsx` in a worker,
 * and vitest runs without it.
 */
function startWorker(setup: DossierPieceSetup): Worker {
  if (!WORKER_URL.pathname.endsWith('.ts')) return new Worker(WORKER_URL, { workerData: setup })
  // tsx's ESM entry (the CommonJS one cannot register from an evaluated script).
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href
  const boot = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL.href)}) })`
  return new Worker(boot, { eval: true, workerData: setup, execArgv: [] })
}

function rebuilt(failure: PieceFailure): Error {
  return failure.code && failure.userMessage !== undefined ? new AppError(failure.code, failure.message, failure.userMessage, failure.details) : new Error(failure.message)
}

class PieceWorker {
  private readonly waiting = new Map<number, Waiting>()
  private readonly worker: Worker

  constructor(setup: DossierPieceSetup) {
    this.worker = startWorker(setup)
    this.worker.on('message', (response: PieceResponse) => {
      const waiting = this.waiting.get(response.id)
      this.waiting.delete(response.id)
      if ('result' in response) waiting?.resolve(response.result)
      else waiting?.reject(rebuilt(response.failure))
    })
    const failAll = (error: Error) => {
      for (const waiting of this.waiting.values()) waiting.reject(error)
      this.waiting.clear()
    }
    this.worker.on('error', failAll)
    this.worker.on('exit', (code) => failAll(new Error(`dossier parse worker stopped (exit code ${code})`)))
  }

  get pending(): number {
    return this.waiting.size
  }

  parse(id: number, piece: CsvPiece): Promise<PieceResult> {
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject })
      this.worker.postMessage({ id, piece } satisfies PieceRequest, [piece.bytes.buffer as ArrayBuffer])
    })
  }

  async stop(): Promise<void> {
    await this.worker.terminate()
  }
}

/**
 * Parses the pieces of a dossier file on worker threads, so parsing and checking run beside
 * the COPY and the merge on the main thread instead of before them.
 */
export class DossierParsePool {
  private nextId = 0

  private constructor(private readonly workers: PieceWorker[]) {}

  static start(setup: DossierPieceSetup, workers: number): DossierParsePool {
    return new DossierParsePool(Array.from({ length: Math.max(1, workers) }, () => new PieceWorker(setup)))
  }

  get size(): number {
    return this.workers.length
  }

  /** The piece's rows; pieces may be sent ahead, each answer comes when it is ready. */
  parse(piece: CsvPiece): Promise<PieceResult> {
    const idlest = this.workers.reduce((best, worker) => (worker.pending < best.pending ? worker : best))
    return idlest.parse(this.nextId++, piece)
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.stop()))
  }
}
