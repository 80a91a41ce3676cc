// The bench's page with many tabs, for finding the sender: for each count in `?tabs=1,10,100`, a
// tab strip of that many frames under its own container (`#iframe-parent-N`), and for `&popup=1000`
// a strip of 1000 in a same-origin popup (Chromium allows 1000 frames in a page). The popup runs on
// this page's thread, so that all counts are timed in the same rounds (../lib/sender.ts). The
// frames are about:blank#tab-i, each with its own window: 1000 cross-site frames take minutes to
// load in headless Chromium here, and finding a window among others does not depend on where it
// loads.
import { benchSender, type SenderRun, type TabFrames } from '../lib/sender.js'

declare global {
  interface Window {
    benchTabs?: {
      readonly ready: boolean
      strips: TabFrames[]
      sender(): SenderRun
    }
  }
}

const query = new URLSearchParams(location.search)
const counts = (query.get('tabs') ?? '1').split(',').map(Number)
const strips: TabFrames[] = counts.map((count) => {
  const container = document.createElement('div')
  container.id = `iframe-parent-${count}`
  document.body.append(container)
  const frames = Array.from({ length: count }, (_, i) => {
    const iframe = document.createElement('iframe')
    iframe.src = `about:blank#tab-${i}`
    container.append(iframe)
    return iframe
  })
  return { view: window, frames, container: `#${container.id}` }
})
const popup = query.has('popup') ? window.open(`/tabs.html?tabs=${query.get('popup')}`) : null

window.benchTabs = {
  // about:blank frames have their window as soon as they are in the document
  get ready() {
    return popup === null || popup.benchTabs?.ready === true
  },
  strips,
  sender: () => benchSender([...strips, ...(popup?.benchTabs?.strips ?? [])]),
}
