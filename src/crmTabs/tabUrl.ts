// The URL parser drops tabs and newlines anywhere and strips control characters and spaces at the
// ends: that is how `' \tjava\nscript:…'` becomes a javascript: URL. A tab URL starts with its
// scheme and has none of them, so that the URL the store holds is exactly the one the frame loads.
// eslint-disable-next-line no-control-regex
const HTTP_URL = /^https?:\/\/[^\x00-\x1f\x7f]*[^\s\x00-\x1f\x7f]$/i

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
  if (typeof url !== 'string' || !HTTP_URL.test(url)) return false
  try {
    new URL(url) // the scheme is http(s): a URL that parses is an absolute one
    return true
  } catch {
    return false
  }
}
