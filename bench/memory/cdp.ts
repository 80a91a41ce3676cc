// A Chromium of the memory bench's own, driven through the DevTools protocol on a pipe, with one
// page and nothing else attached. Playwright attaches a session and a utility world to every frame
// it sees; with 1000 cross-site tab frames that doubles their load time, and in a same-site frame
// the world alone is a V8 context of ~0.35 MB. Here the only code in the page is the page's own.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Readable, Writable } from 'node:stream'

type Params = Record<string, unknown>
type Handler = (params: Params) => void

export interface Chromium {
  version: string
  /** Opens `url` in a new page and returns its session: the page's CDP commands go through it. */
  newPage(url: string): Promise<PageSession>
  close(): Promise<void>
}

export interface PageSession {
  send<T = Params>(method: string, params?: Params): Promise<T>
  on(event: string, handler: Handler): () => void
  /** Evaluates `expression` in the page, awaits it, and returns its value (JSON). */
  evaluate<T>(expression: string): Promise<T>
  close(): Promise<void>
}

export async function launchChromium(args: string[] = []): Promise<Chromium> {
  const profile = mkdtempSync(join(tmpdir(), 'ucp-crm-bridge-bench-'))
  const child: ChildProcess = spawn(
    process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    [
      '--headless',
      '--remote-debugging-pipe',
      `--user-data-dir=${profile}`,
      // As root, without the network; and no throttling of a page that is not in front.
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-renderer-backgrounding',
      '--disable-background-timer-throttling',
      ...args,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
  )
  const toBrowser = child.stdio[3] as Writable
  const fromBrowser = child.stdio[4] as Readable
  const pending = new Map<
    number,
    { resolve: (value: Params) => void; reject: (e: Error) => void }
  >()
  const handlers = new Map<string, Set<Handler>>()
  let nextId = 0
  let buffer = ''
  // Messages are JSON, each ended by a NUL byte.
  fromBrowser.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8')
    for (let end = buffer.indexOf('\0'); end >= 0; end = buffer.indexOf('\0')) {
      const message = JSON.parse(buffer.slice(0, end))
      buffer = buffer.slice(end + 1)
      if (message.id !== undefined) {
        const call = pending.get(message.id)
        pending.delete(message.id)
        if (message.error) call?.reject(new Error(message.error.message))
        else call?.resolve(message.result)
      } else {
        for (const handler of handlers.get(`${message.sessionId}:${message.method}`) ?? []) {
          handler(message.params)
        }
      }
    }
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  void exited.then(() => {
    for (const call of pending.values()) call.reject(new Error('Chromium exited'))
  })

  function send<T>(method: string, params: Params = {}, sessionId?: string): Promise<T> {
    const id = ++nextId
    const message = JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: Params) => void, reject })
      toBrowser.write(`${message}\0`)
    })
  }

  const { product } = await send<{ product: string }>('Browser.getVersion')
  return {
    version: product.replace(/^.*\//, ''),
    async newPage(url) {
      const { targetId } = await send<{ targetId: string }>('Target.createTarget', { url })
      const { sessionId } = await send<{ sessionId: string }>('Target.attachToTarget', {
        targetId,
        flatten: true,
      })
      const session: PageSession = {
        send: (method, params) => send(method, params, sessionId),
        on(event, handler) {
          const key = `${sessionId}:${event}`
          const set = handlers.get(key) ?? new Set()
          handlers.set(key, set.add(handler))
          return () => void set.delete(handler)
        },
        async evaluate<T>(expression: string) {
          const { result, exceptionDetails } = await session.send<{
            result: { value: T }
            exceptionDetails?: { exception?: { description?: string }; text: string }
          }>('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true })
          if (exceptionDetails) {
            throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text)
          }
          return result.value
        },
        close: () => send('Target.closeTarget', { targetId }).then(() => {}),
      }
      return session
    },
    async close() {
      await send('Browser.close').catch(() => {})
      await exited
      rmSync(profile, { recursive: true, force: true })
    },
  }
}
