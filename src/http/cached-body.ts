import { gzipSync } from 'node:zlib'
import type { FastifyReply, FastifyRequest } from 'fastify'

/** Below this, compressing costs more than it saves (the same threshold as the server's compression). */
const COMPRESS_FROM_BYTES = 1024

/** Whether the client takes gzip (and has not refused it with q=0). */
function acceptsGzip(request: FastifyRequest): boolean {
  const accepted = request.headers['accept-encoding']
  if (typeof accepted !== 'string') return false
  return accepted.split(',').some((part) => {
    const [coding, ...params] = part.trim().split(';')
    return (coding === 'gzip' || coding === '*') && !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p))
  })
}

/**
 * A kept JSON answer, ready to send: its UTF-8 bytes (encoded once, not at every send), and its
 * gzip made once, the first time a client accepting gzip asks (a browser asks brotli first;
 * compressing tens of kilobytes per request at brotli's default quality would cost more than the
 * cached answer saves).
 */
export class CachedBody {
  private readonly utf8: Buffer
  private gzipped: Buffer | null = null

  constructor(json: string) {
    this.utf8 = Buffer.from(json, 'utf8')
  }

  send(request: FastifyRequest, reply: FastifyReply): FastifyReply {
    reply.type('application/json; charset=utf-8')
    if (this.utf8.length < COMPRESS_FROM_BYTES || !acceptsGzip(request)) return reply.send(this.utf8)
    this.gzipped ??= gzipSync(this.utf8)
    // Already encoded: the server's compression passes it through as it is.
    return reply.header('content-encoding', 'gzip').header('vary', 'accept-encoding').send(this.gzipped)
  }
}
