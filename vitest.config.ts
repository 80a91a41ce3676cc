import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// Tests import the package by its name, as users do; the name points at the sources.
const alias = {
  'ucp-crm-bridge/client': fileURLToPath(new URL('./src/client/index.ts', import.meta.url)),
  'ucp-crm-bridge/phone': fileURLToPath(new URL('./src/phone/index.ts', import.meta.url)),
  'ucp-crm-bridge/react': fileURLToPath(new URL('./src/react/index.ts', import.meta.url)),
  'ucp-crm-bridge': fileURLToPath(new URL('./src/index.ts', import.meta.url)),
}

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['__tests__/**/*.test.{ts,tsx}'],
          exclude: ['__tests__/e2e/**'],
        },
      },
      {
        // Type tests of the public API (`*.test-d.ts`), checked by tsc, as Redux Toolkit does.
        test: {
          name: 'types',
          include: [],
          typecheck: {
            enabled: true,
            only: true,
            include: ['__tests__/**/*.test-d.ts'],
            tsconfig: './tsconfig.json',
          },
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['__tests__/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
