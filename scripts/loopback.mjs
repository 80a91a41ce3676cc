// Serving a handler on the loopback interface for the demo, the end-to-end tests and the bench.
// Browsers resolve `localhost` to 127.0.0.1 or to ::1 (Chromium picks ::1), so both are listened on,
// with one port: then `http://127.0.0.1:PORT` and `http://localhost:PORT` are two origins of one server.
import { createServer } from 'node:http'

function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve(server.address().port)
    })
  })
}

/** Closes a server, ending its open connections rather than waiting for them. */
export function closeServer(server) {
  return new Promise((resolve) => {
    server.close(() => resolve())
    server.closeAllConnections()
  })
}

/**
 * Listens with `handler` on 127.0.0.1 and, on the same port, on ::1. With port 0 the system picks a
 * port free on 127.0.0.1; if ::1 has it taken, another is tried. Without an IPv6 loopback,
 * `localhost` is 127.0.0.1 and one server is enough.
 */
export async function listenLoopback(handler, port = 0) {
  for (let attempt = 0; ; attempt++) {
    const v4 = createServer(handler)
    const actual = await listen(v4, port, '127.0.0.1')
    const v6 = createServer(handler)
    try {
      await listen(v6, actual, '::1')
      return { port: actual, servers: [v4, v6] }
    } catch (error) {
      if (error.code === 'EADDRNOTAVAIL' || error.code === 'EAFNOSUPPORT') {
        return { port: actual, servers: [v4] }
      }
      await closeServer(v4)
      if (error.code !== 'EADDRINUSE' || port !== 0 || attempt >= 5) throw error
    }
  }
}
