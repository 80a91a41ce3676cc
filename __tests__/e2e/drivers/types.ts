/** The browser engines the end-to-end scenarios run in. */
export type Engine = 'chromium' | 'firefox' | 'webkit'

/**
 * What a scenario may do in a browser, whatever the engine: one page, driven as a person would.
 * `frame`, where a method takes it, is the CSS selector of an iframe of the host page; the action
 * then happens inside that frame's document. Actions wait (a few seconds at most) for their element
 * to be there and visible, so a scenario never sleeps.
 */
export interface EngineDriver {
  readonly engine: Engine
  /** Loads `url` in the page, replacing whatever it showed. */
  open(url: string): Promise<void>
  /**
   * Runs `fn(arg)` in the host page and returns its result, which must be JSON data: a promise's,
   * once it settles, for a wait inside the page.
   */
  evaluate<A, R>(fn: (arg: A) => R, arg: A): Promise<R>
  /** Clicks the element. */
  click(selector: string, frame?: string): Promise<void>
  /** Replaces the value of an input, as typing would. */
  fill(selector: string, value: string, frame?: string): Promise<void>
  /** The element's text, or its value for a form field. */
  read(selector: string, frame?: string): Promise<string>
  /**
   * What reached the console since `open`: errors (uncaught ones too) and warnings. Chromium,
   * Firefox and Playwright's WebKit report every frame's, the browser's own messages included;
   * WebKitGTK's WebKitWebDriver reports none, so there these are what the shell recorded of its own
   * `console` and uncaught errors.
   */
  console(): Promise<ConsoleRecord>
  /** Closes the browser and whatever the driver started for it. */
  close(): Promise<void>
}

/** Console lines, by level. */
export interface ConsoleRecord {
  errors: string[]
  warnings: string[]
}

/** How long an action waits for its element. */
export const ACTION_TIMEOUT_MS = 5_000

/** Where the element is, in words, for error messages. */
export const describeTarget = (selector: string, frame?: string) =>
  frame === undefined ? selector : `${selector} in the frame ${frame}`

/** Runs in the page: a form field's value, else the element's text. */
export function readValue(element: Element): string {
  return element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement
    ? element.value
    : (element.textContent ?? '')
}
