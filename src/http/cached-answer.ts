import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import type { z } from 'zod'
import { abortable } from '../db/abortable.js'
import type { DatabaseHandle } from '../db/open-database.js'
import type { Database } from '../db/schema.js'
import type { FigureCache } from '../modules/figure-cache/figure-cache.js'
import { CachedBody } from './cached-body.js'
import { requestVersions } from './plugins/request-versions.js'

/** A computation given a database that refuses new queries once nobody wants the answer. */
export type Computation<T> = (db: Kysely<Database>, signal: AbortSignal) => Promise<T>

/**
 * A route's computed answer through the figure cache, at the data version read for the request
 * (one read shared by the requests that arrive together); the question is the route and its
 * parameters. The computation's queries stop when no request wants the answer any more; this
 * request stops waiting when its own client leaves or its deadline passes.
 */
export async function cachedAnswer<T>(cache: FigureCache, handle: DatabaseHandle, request: FastifyRequest, question: readonly unknown[], compute: Computation<T>): Promise<T> {
  const { data } = await requestVersions(request)
  return cache.answer(data, JSON.stringify(question), (signal) => compute(abortable(handle.db, signal), signal), request.workSignal)
}

/**
 * An answer kept as the JSON text of the route's response schema (and its gzip, once a client
 * asks for it): a repeated answer is sent as it is, neither checked, serialized nor compressed
 * again (a district table is tens of kilobytes). `make` gives the answer when it is not kept —
 * usually another cached answer, so the same table serves its own route and the lists.
 */
export async function cachedBody<S extends z.ZodType>(
  cache: FigureCache,
  request: FastifyRequest,
  reply: FastifyReply,
  question: readonly unknown[],
  schema: S,
  make: () => Promise<z.input<S>>,
): Promise<FastifyReply> {
  const { data } = await requestVersions(request)
  const key = JSON.stringify(['body', ...question])
  const body = cache.peek<CachedBody>(data, key) ?? cache.keep(data, key, new CachedBody(JSON.stringify(schema.parse(await make()))))
  return body.send(request, reply)
}

/** `cachedBody` of a computed answer: the answer and its text are both kept. */
export function cachedJson<S extends z.ZodType>(
  cache: FigureCache,
  handle: DatabaseHandle,
  request: FastifyRequest,
  reply: FastifyReply,
  question: readonly unknown[],
  schema: S,
  compute: Computation<z.input<S>>,
): Promise<FastifyReply> {
  return cachedBody(cache, request, reply, question, schema, () => cachedAnswer(cache, handle, request, question, compute))
}
