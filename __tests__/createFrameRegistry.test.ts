import { beforeEach, describe, expect, it } from 'vitest'
import { CrmBridgeError } from 'ucp-crm-bridge'
import { createFrameRegistry, type FrameRegistry } from '../src/bridge/createFrameRegistry'

let registry: FrameRegistry
const frame = () => document.body.appendChild(document.createElement('iframe'))

beforeEach(() => {
  document.body.innerHTML = ''
  registry = createFrameRegistry()
})

describe('frame registry', () => {
  it('finds the tab of a registered frame by its window', () => {
    const a = frame()
    const b = frame()
    registry.register('tab-a', a)
    registry.register('tab-b', b)
    expect(registry.tabIdFor(a.contentWindow)).toBe('tab-a')
    expect(registry.tabIdFor(b.contentWindow)).toBe('tab-b')
    expect(registry.frameFor('tab-b')).toBe(b)
    expect(registry.size).toBe(2)
  })

  it('knows nothing of windows that are not registered frames', () => {
    registry.register('tab-a', frame())
    expect(registry.tabIdFor(window)).toBeUndefined()
    expect(registry.tabIdFor(frame().contentWindow)).toBeUndefined()
    expect(registry.tabIdFor(null)).toBeUndefined()
    expect(registry.tabIdFor('tab-a')).toBeUndefined()
  })

  it('finds a frame registered before it was in the document, once it is', () => {
    const detached = document.createElement('iframe')
    registry.register('tab-a', detached)
    document.body.append(detached)
    expect(registry.tabIdFor(detached.contentWindow)).toBe('tab-a')
  })

  it('follows a frame moved in the DOM, which gets a new window', () => {
    const moved = frame()
    registry.register('tab-a', moved)
    const before = moved.contentWindow
    document.body.prepend(document.createElement('div'))
    document.body.firstElementChild?.append(moved)
    // Compared by hand: printing a discarded jsdom window throws.
    expect(moved.contentWindow === before).toBe(false)
    expect(registry.tabIdFor(moved.contentWindow)).toBe('tab-a')
    expect(registry.tabIdFor(before)).toBeUndefined()
  })

  it('forgets a frame when unregistered, by id or by the returned function', () => {
    const a = frame()
    const unregister = registry.register('tab-a', a)
    unregister()
    expect(registry.tabIdFor(a.contentWindow)).toBeUndefined()
    registry.register('tab-b', frame())
    expect(registry.unregister('tab-b')).toBe(true)
    expect(registry.unregister('tab-b')).toBe(false)
    expect(registry.size).toBe(0)
  })

  it('lets a stale unregister function leave the tab’s newer frame alone', () => {
    const old = frame()
    const unregisterOld = registry.register('tab-a', old)
    const fresh = frame()
    registry.register('tab-a', fresh)
    unregisterOld()
    expect(registry.frameFor('tab-a')).toBe(fresh)
    expect(registry.tabIdFor(old.contentWindow)).toBeUndefined()
  })

  it('refuses one frame for two tabs', () => {
    const a = frame()
    registry.register('tab-a', a)
    expect(() => registry.register('tab-b', a)).toThrow(CrmBridgeError)
    expect(() => registry.register('tab-b', a)).toThrow(
      expect.objectContaining({ code: 'frame-already-registered' }),
    )
  })

  it('refuses what is not a tab id and an iframe', () => {
    expect(() => registry.register('', frame())).toThrow(
      expect.objectContaining({ code: 'invalid-frame' }),
    )
    expect(() => registry.register('tab', {} as HTMLIFrameElement)).toThrow(
      expect.objectContaining({ code: 'invalid-frame' }),
    )
  })

  it('clears every frame', () => {
    registry.register('tab-a', frame())
    registry.register('tab-b', frame())
    registry.clear()
    expect(registry.size).toBe(0)
  })
})
