import { answerScenarios } from './answers'
import { callScenarios } from './calls'
import { closingScenarios } from './closing'
import { customScenarios } from './custom'
import { messageScenarios } from './messages'
import { progressScenarios } from './progress'
import { quietScenarios } from './quiet'
import { rejectionScenarios } from './rejections'
import { tabUrlScenarios } from './tabUrls'
import type { Scenario } from './types'

/** Every scenario, run in every engine. A new scenario file adds its list here. */
export const scenarios: Scenario[] = [
  ...closingScenarios,
  ...callScenarios,
  ...progressScenarios,
  ...customScenarios,
  ...rejectionScenarios,
  ...answerScenarios,
  ...quietScenarios,
  ...messageScenarios,
  ...tabUrlScenarios,
]
