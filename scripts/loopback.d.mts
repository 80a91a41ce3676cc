import type { RequestListener, Server } from 'node:http'

/** Closes a server, ending its open connections rather than waiting for them. */
export function closeServer(server: Server): Promise<void>

/** Listens with `handler` on 127.0.0.1 and, on the same port, on ::1 (where there is one). */
export function listenLoopback(
  handler: RequestListener,
  port?: number,
): Promise<{ port: number; servers: Server[] }>
