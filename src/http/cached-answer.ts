import type { FastifyRequest } from 'fastify'
import type { DatabaseHandle } from '../db/open-database.js'
import { readDataVersion } from '../modules/figure-cache/data-version.js'
import type { FigureCache } from '../modules/figure-cache/figure-cache.js'

/**
 * A route's computed answer through the figure cache: the data version is read once for the
 * request, the question is the route and its parameters. The computation gets a signal that
 * aborts when no request wants the answer any more; this request stops waiting when its own
 * client leaves or its deadline passes.
 */
export async function cachedAnswer<T>(
  cache: FigureCache,
  handle: DatabaseHandle,
  request: FastifyRequest,
  question: readonly unknown[],
  compute: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const version = await readDataVersion(handle.db)
  return cache.answer(version, JSON.stringify(question), compute, request.workSignal)
}
