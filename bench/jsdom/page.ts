// A UCP page in jsdom: `#iframe-parent` with one iframe per CRM tab. jsdom gives each iframe a real
// window (without loading its URL), which is what `event.source` is in a browser.
import { JSDOM } from 'jsdom'

export const CRM_ORIGIN = 'https://crm.example.com'
export const tabUrl = (i: number) => `${CRM_ORIGIN}/contacts/${i}`
export const tabTitle = (i: number) => `Contact ${i}`

export interface Page {
  view: Window
  document: Document
  /** Appends `count` iframes, the i-th at `tabUrl(i)`, under `#iframe-parent`. */
  addFrames(count: number): HTMLIFrameElement[]
  /** The event the browser would deliver after `source` posted `data` from the CRM origin. */
  message(data: unknown, source: Window): MessageEvent
  close(): void
}

export function createPage(): Page {
  const dom = new JSDOM('<!doctype html><div id="iframe-parent"></div>', {
    url: 'https://ucp.example.com/',
  })
  const view = dom.window
  const document = view.document
  const container = document.getElementById('iframe-parent') as HTMLElement
  return {
    view,
    document,
    addFrames(count) {
      const frames: HTMLIFrameElement[] = []
      for (let i = 0; i < count; i++) {
        const frame = document.createElement('iframe')
        frame.setAttribute('src', tabUrl(i))
        container.append(frame)
        frames.push(frame)
      }
      return frames
    },
    message: (data, source) =>
      new view.MessageEvent('message', { data, origin: CRM_ORIGIN, source }),
    close: () => dom.window.close(),
  }
}
