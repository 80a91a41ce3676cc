import { answerScenarios } from './answers'
import { callScenarios } from './calls'
import { closingScenarios } from './closing'
import { messageScenarios } from './messages'
import { quietScenarios } from './quiet'
import { rejectionScenarios } from './rejections'
import { tabUrlScenarios } from './tabUrls'
import type { Scenario } from './types'

/** Every scenario, run in every engine. A new scenario file adds its list here. */
export const scenarios: Scenario[] = [
  ...closingScenarios,
  ...callScenarios,
  ...rejectionScenarios,
  ...answerScenarios,
  ...quietScenarios,
  ...messageScenarios,
  ...tabUrlScenarios,
]
