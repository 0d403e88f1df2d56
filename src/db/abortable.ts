import type { Kysely, KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely'

/** Refuses to start (or hand back) a query once `signal` has aborted: throws the signal's reason instead. */
class StopWhenAborted implements KyselyPlugin {
  constructor(private readonly signal: AbortSignal) {}

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.signal.throwIfAborted()
    return args.node
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    // PGlite answers in the same turn of the event loop: without a pause here a computation of
    // a hundred queries would never let the server read a socket (a new request, a client
    // leaving) until it ends. One macrotask per query gives every other request its turn.
    await new Promise((resolve) => setImmediate(resolve))
    this.signal.throwIfAborted()
    return args.result
  }
}

/**
 * The same database for a piece of work that may be abandoned: every query it starts after
 * `signal` aborted is refused, so work nobody waits for stops at its next query, wherever it is.
 */
export function abortable<DB>(db: Kysely<DB>, signal: AbortSignal): Kysely<DB> {
  return db.withPlugin(new StopWhenAborted(signal))
}
