// ucp-crm-bridge/react: React bindings for the bridge. The core entry never imports React.

export { CrmBridgeProvider } from './CrmBridgeProvider.js'
export type { CrmBridgeProviderProps } from './CrmBridgeProvider.js'
export { useCrmBridge } from './CrmBridgeContext.js'
export { useCrmBridgeLifecycle } from './useCrmBridgeLifecycle.js'
export { CrmFrames } from './CrmFrames.js'
export type { CrmFrameProps, CrmFramesProps } from './CrmFrames.js'
export { CrmTabFrame } from './CrmTabFrame.js'
export type { CrmTabFrameProps } from './CrmTabFrame.js'
export { useActiveCrmTab, useCrmCalls, useCrmCallsOfTab, useCrmTabs } from './crmStateHooks.js'
