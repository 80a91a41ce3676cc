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
  run(context: ScenarioContext): Promise<void>
}

/** How long a scenario waits for the shell to show a change. */
export const poll = { timeout: 5_000, interval: 50 }
