// The URL parser drops tabs and newlines anywhere and strips control characters and spaces at the
// ends: that is how `' \tjava\nscript:…'` becomes a javascript: URL. A tab URL has none of them, so
// that the URL the store holds is exactly the one the frame loads.
// eslint-disable-next-line no-control-regex
const CONTROL_OR_EDGE_BLANK = /[\u0000-\u001f\u007f]|^\s|\s$/
const HTTP_PREFIX = /^https?:\/\//i

/**
 * Whether `url` may be a tab's URL, as {@link crmTabOpened} checks it: an absolute `http:` or
 * `https:` URL, written without blanks at its ends or control characters. Anything else
 * (`javascript:`, `data:`, `blob:`, `about:`, a relative URL) would run in UCP's origin or an
 * opaque one, or load something else than it says.
 *
 * @example
 * if (isCrmTabUrl(screenPop.url)) store.dispatch(crmTabOpened({ url: screenPop.url }))
 * else reportBadScreenPop(screenPop)
 */
export function isCrmTabUrl(url: unknown): url is string {
  if (typeof url !== 'string' || !HTTP_PREFIX.test(url) || CONTROL_OR_EDGE_BLANK.test(url)) {
    return false
  }
  try {
    const { protocol } = new URL(url)
    return protocol === 'http:' || protocol === 'https:'
  } catch {
    return false
  }
}
