import type { DemoServer } from '../../../docs/demo/server.mjs'
import type { EngineDriver } from '../drivers/types'
import type { DemoUi } from '../support/demoUi'

/** What a scenario gets: the demo freshly loaded, in one engine. */
export interface ScenarioContext {
  ui: DemoUi
  driver: EngineDriver
  server: DemoServer
}

/**
 * One thing a person does in the demo and what they must see, the same in every engine. Assert
 * with vitest's `expect`; wait with `expect.poll`, never with a sleep.
 */
export interface Scenario {
  /** Says the behaviour: the test is named `${engine}: the UCP demo > ${name}`. */
  name: string
  /**
   * Why the console shows warnings, for a scenario that sends UCP messages it rejects (the bridge
   * warns of them in development builds). Any other scenario must leave no warning.
   */
  warns?: string
  /**
   * The warnings a client page of the scenario writes on purpose (a development build telling a
   * wiring mistake); the scenario counts them itself, and any other warning still fails it.
   */
  clientWarns?: RegExp
  run(context: ScenarioContext): Promise<void>
}

/**
 * How long a scenario waits for the shell to show a change: a condition, polled, so a quick change
 * is seen at once; the limit is for a loaded 2-core machine (one took over 5 s at a load of 11).
 */
export const poll = { timeout: 10_000, interval: 50 }

/** The `warns` of a scenario that sends UCP messages it rejects. */
export const REJECTED = 'the bridge warns of each message it rejects, in development builds'
