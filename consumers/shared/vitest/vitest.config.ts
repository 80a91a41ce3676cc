import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// Jest's tests (../tests), with Jest's globals, in jsdom: nothing here is about ucp-crm-bridge.
export default defineConfig({
  test: {
    dir: fileURLToPath(new URL('../tests', import.meta.url)),
    environment: 'jsdom',
    globals: true,
  },
})
