// Tab URLs that would run script if they reached a frame: in UCP's origin (javascript:, blob:, a
// relative URL) or an opaque one (data:). Each, when it runs, posts `{ e2eRan: tag }` to UCP's page.

/** One kind of URL, made for a tag that says which attempt ran. */
export interface TabUrlAttempt {
  id: string
  url(tag: string): string
}

const script = (tag: string) => `parent.postMessage({e2eRan:'${tag}'},'*')`
const page = (tag: string) => `<!doctype html><script>${script(tag)}</script>`

export function tabUrlAttempts(): TabUrlAttempt[] {
  return [
    { id: 'javascript', url: (tag) => `javascript:${script(tag)}` },
    { id: 'mixed-case', url: (tag) => `JaVaScRiPt:${script(tag)}` },
    { id: 'control-characters', url: (tag) => `\u0001\u0002 javascript:${script(tag)}` },
    { id: 'split-scheme', url: (tag) => `java\nscr\tipt:${script(tag)}` },
    { id: 'data', url: (tag) => `data:text/html,${encodeURIComponent(page(tag))}` },
    {
      id: 'blob',
      url: (tag) => URL.createObjectURL(new Blob([page(tag)], { type: 'text/html' })),
    },
    // Resolved against UCP's own page, as an iframe resolves it.
    { id: 'relative', url: (tag) => `/ran.html?id=${tag}` },
  ]
}
