import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import type { z } from 'zod'
import { abortable } from '../db/abortable.js'
import type { DatabaseHandle } from '../db/open-database.js'
import type { Database } from '../db/schema.js'
import { readDataVersion } from '../modules/figure-cache/data-version.js'
import type { FigureCache } from '../modules/figure-cache/figure-cache.js'

/** A computation given a database that refuses new queries once nobody wants the answer. */
export type Computation<T> = (db: Kysely<Database>, signal: AbortSignal) => Promise<T>

/**
 * A route's computed answer through the figure cache: the data version is read once for the
 * request, the question is the route and its parameters. The computation's queries stop when
 * no request wants the answer any more; this request stops waiting when its own client leaves
 * or its deadline passes.
 */
export async function cachedAnswer<T>(cache: FigureCache, handle: DatabaseHandle, request: FastifyRequest, question: readonly unknown[], compute: Computation<T>): Promise<T> {
  const version = await readDataVersion(handle.db)
  return cache.answer(version, JSON.stringify(question), (signal) => compute(abortable(handle.db, signal), signal), request.workSignal)
}

/**
 * The same, kept as the JSON text of the route's response schema: a repeated answer is sent as
 * it is, neither checked nor serialized again (a district table is tens of kilobytes).
 */
export async function cachedJson<S extends z.ZodType>(
  cache: FigureCache,
  handle: DatabaseHandle,
  request: FastifyRequest,
  reply: FastifyReply,
  question: readonly unknown[],
  schema: S,
  compute: Computation<z.input<S>>,
): Promise<FastifyReply> {
  const json = await cachedAnswer(cache, handle, request, ['json', ...question], async (db, signal) => JSON.stringify(schema.parse(await compute(db, signal))))
  return reply.type('application/json; charset=utf-8').send(json)
}
