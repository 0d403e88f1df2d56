/**
 * A worker thread of `import dossiers`: parses and checks the pieces of the file it is sent
 * while the main thread COPYs what the others finished (dossier-parse-pool.ts).
 */
import { parentPort, workerData } from 'node:worker_threads'
import { isAppError } from '../../../domain/shared/app-error.js'
import { dossierPieceParser, type DossierPieceSetup } from './dossier-piece.js'
import type { PieceRequest, PieceResponse } from './dossier-parse-pool.js'

const parser = dossierPieceParser(workerData as DossierPieceSetup)
const port = parentPort!

port.on('message', (request: PieceRequest) => {
  parser.parse(request.piece).then(
    (result) => port.postMessage({ id: request.id, result } satisfies PieceResponse),
    (error: unknown) => {
      const failure = isAppError(error)
        ? { code: error.code, message: error.message, userMessage: error.userMessage, details: [...error.details] }
        : { message: error instanceof Error ? error.message : String(error) }
      port.postMessage({ id: request.id, failure } satisfies PieceResponse)
    },
  )
})
