// Run by heap.test.ts in its own `node --expose-gc` process (bundled with esbuild), so that
// garbage collection can be forced and the heap read without the test runner's own churn.
//   node --expose-gc heapProbe.mjs cycles N [--keep-frames]  N open/register/close cycles
//   node --expose-gc heapProbe.mjs windows                  frames removed without a close
// Prints one line of JSON.
import { createRequire } from 'node:module'
import { configureStore } from '@reduxjs/toolkit'
import { createCrmBridge, crmReducers, crmTabOpened, selectCrmCalls } from 'ucp-crm-bridge'

// jsdom ships no types, and only this much of it is used.
const { JSDOM } = createRequire(import.meta.url)('jsdom') as {
  JSDOM: new (html: string, options: { url: string }) => { window: Window & typeof globalThis }
}

const gc = (globalThis as { gc?: () => void }).gc
if (!gc) throw new Error('run with node --expose-gc')

const macrotask = () => new Promise((resolve) => setTimeout(resolve, 0))
/** Collects until nothing more goes; WeakRefs are cleared only between tasks. */
async function collect(): Promise<number> {
  for (let i = 0; i < 4; i++) {
    await macrotask()
    gc!()
  }
  return process.memoryUsage().heapUsed
}

function startBridge() {
  const dom = new JSDOM('<!doctype html><div id="iframe-parent"></div>', {
    url: 'https://ucp.example/',
  })
  const { window } = dom
  const crm = createCrmBridge({ telephony: { dial: () => Promise.resolve() }, logger: false })
  const store = configureStore({
    reducer: crmReducers,
    // RTK's development checks are off, as in production: they are not what is measured here.
    middleware: (getDefault) =>
      getDefault({ serializableCheck: false, immutableCheck: false }).prepend(crm.middleware),
  })
  let handle!: (event: MessageEvent) => void
  const addEventListener = window.addEventListener.bind(window)
  window.addEventListener = ((type: string, listener: (event: MessageEvent) => void) => {
    if (type === 'message') handle = listener
    addEventListener(type, listener as EventListener)
  }) as typeof window.addEventListener
  crm.start(store, window as unknown as Window)
  const post = (data: object, source: unknown, origin = 'https://crm.example.com') =>
    handle({ data, origin, source } as MessageEvent)
  return { window, crm, store, post }
}

/**
 * One cycle as an agent's shift has thousands of: UCP opens a tab and registers its iframe, the
 * CRM page asks for a call and an answer, then closes its tab. jsdom builds a whole window for each
 * attached iframe, too slow for 10,000 cycles: the iframe stays detached and its window is a
 * stand-in, which is all the bridge ever touches (it compares and posts to it).
 */
async function cycles(count: number, keepFrames: boolean) {
  const { window, crm, store, post } = startBridge()
  const kept: unknown[] = []
  const cycle = (n: number) => {
    const tab = store.dispatch(
      crmTabOpened({ url: `https://crm.example.com/contacts/${n}` }),
    ).payload
    const frame = window.document.createElement('iframe')
    const view = { postMessage: () => undefined }
    Object.defineProperty(frame, 'contentWindow', { value: view })
    crm.registry.register(tab.id, frame as unknown as HTMLIFrameElement)
    frame.dispatchEvent(new window.Event('load'))
    post({ type: 'MAKE_CALL', payload: { destination: '+1 555 0100' }, requestId: `c${n}` }, view)
    post({ type: 'CLOSE_CRM_TAB', requestId: `x${n}` }, view)
    if (keepFrames) kept.push(frame) // the leak a registry that never forgets would have
  }
  const run = async (from: number, to: number) => {
    for (let n = from; n < to; n++) {
      cycle(n)
      if (n % 100 === 99) await macrotask() // let the dials settle, as they would between calls
    }
    await macrotask()
  }
  // Warm-up as long as the run: code compiled, the call history full, and the WeakMaps at the size
  // their tables reach between two major collections (V8 does not shrink them when it collects).
  await run(0, count)
  const before = await collect()
  await run(count, 2 * count)
  const after = await collect()
  const state = store.getState()
  return {
    cycles: count,
    before,
    after,
    delta: after - before,
    registrySize: crm.registry.size,
    openTabs: state.crmTabs.ids.length,
    calls: selectCrmCalls(state).length,
    kept: kept.length,
  }
}

/**
 * Frames that send a message and are then removed from the DOM while their tab stays open: the
 * host unregisters them as the README asks, or forgets even that. jsdom keeps every iframe window
 * it ever made alive by itself, so the window is a stand-in that goes as a browser's does: a
 * removed iframe's `contentWindow` is null. The control holds its window on purpose.
 */
async function windows(perCase: number) {
  const { window, crm, store, post } = startBridge()
  const refs: Record<string, WeakRef<object>[]> = { unregistered: [], forgotten: [], held: [] }
  const held: object[] = []
  const removeOne = (kind: string) => {
    const frame = window.document.createElement('iframe')
    let view: object | null = { postMessage: () => undefined }
    Object.defineProperty(frame, 'contentWindow', { get: () => view, configurable: true })
    refs[kind]!.push(new WeakRef(view))
    const tab = store.dispatch(crmTabOpened({ url: 'https://crm.example.com/' })).payload
    const unregister = crm.registry.register(tab.id, frame as unknown as HTMLIFrameElement)
    post({ type: 'MAKE_CALL', payload: { destination: '5550100' }, requestId: 'r' }, view)
    if (kind === 'unregistered') unregister()
    if (kind === 'held') held.push(view)
    const last = view
    view = null // removed from the DOM
    // A message posted just before the removal arrives after it: handled quietly.
    post({ type: 'CLOSE_CRM_TAB' }, last)
  }
  for (const kind of Object.keys(refs)) for (let i = 0; i < perCase; i++) removeOne(kind)
  await collect()
  const alive = (kind: string) => refs[kind]!.filter((ref) => ref.deref() !== undefined).length
  return {
    perCase,
    aliveUnregistered: alive('unregistered'),
    aliveForgotten: alive('forgotten'),
    aliveHeld: alive('held'),
    heldCount: held.length,
    openTabs: store.getState().crmTabs.ids.length,
    stats: crm.getStats(),
  }
}

const [mode, count, flag] = process.argv.slice(2)
const result =
  mode === 'windows' ? await windows(20) : await cycles(Number(count), flag === '--keep-frames')
console.log(JSON.stringify(result))
