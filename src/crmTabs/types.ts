import type { EntityState } from '@reduxjs/toolkit'

/**
 * One CRM tab of the agent desktop: plain data, safe for the store and for Redux DevTools.
 *
 * @example
 * const tab: CrmTab = {
 *   id: 'f47ac10b-58cc-4372-a567-0e02b2c3d479',
 *   url: 'https://crm.example.com/contacts/42',
 *   title: 'Contact 42',
 *   openedAt: 1764086400000,
 * }
 */
export interface CrmTab {
  /** UUID v4, made when the tab is opened. */
  id: string
  /** The URL the tab's iframe loads, always absolute `http:` or `https:`; its origin is the one allowed to send by default. */
  url: string
  /** What the tab strip shows; defaults to the URL. */
  title: string
  /** `Date.now()` when the tab was opened (made in the action's prepare callback). */
  openedAt: number
}

/** The `crmTabs` slice: tabs in opening order, plus the active one. */
export interface CrmTabsState extends EntityState<CrmTab, string> {
  activeId: string | null
}

/**
 * What {@link crmTabOpened} takes.
 *
 * @example
 * store.dispatch(crmTabOpened({ url: 'https://crm.example.com/contacts/42', title: 'Contact 42' }))
 */
export interface CrmTabOpenInput {
  /**
   * An absolute `http:` or `https:` URL, without blanks at its ends or control characters. Any
   * other URL (`javascript:`, `data:`, `blob:`, `about:`, relative) throws a `CrmBridgeError`
   * with the code `invalid-tab-url`, and nothing is dispatched.
   */
  url: string
  title?: string
  /** Make the new tab the active one, as a tab strip does; default `true`. */
  activate?: boolean
}
