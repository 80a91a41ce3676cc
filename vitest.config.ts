import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

// Tests import the package by its name, as users do; the name points at the sources.
const alias = {
  'ucp-crm-bridge/client': here('./src/client/index.ts'),
  'ucp-crm-bridge/phone': here('./src/phone/index.ts'),
  'ucp-crm-bridge/privacy': here('./src/privacy/index.ts'),
  'ucp-crm-bridge/testing': here('./src/testing/index.ts'),
  'ucp-crm-bridge/react': here('./src/react/index.ts'),
  'ucp-crm-bridge': here('./src/index.ts'),
}

// The React entry's peer range is ^18 || ^19: its tests run under React 19 (the root's) in `unit`,
// and again under React 18 in `react18`. React 18 lives in its own folder, where react-dom 18 and
// use-sync-external-store find it beside them; react-redux and Testing Library are compiled by
// Vite (inline) so that their imports of React follow these aliases too.
const react18 = here('./__tests__/support/react18/node_modules')
const react18Alias = {
  react: `${react18}/react`,
  'react-dom': `${react18}/react-dom`,
  'use-sync-external-store': `${react18}/use-sync-external-store`,
  '@testing-library/react': here(
    './node_modules/@testing-library/react/dist/@testing-library/react.esm.js',
  ),
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
          exclude: ['__tests__/e2e/**', '**/node_modules/**'],
          env: { REACT_MAJOR: '19' },
        },
      },
      {
        resolve: { alias: { ...alias, ...react18Alias } },
        test: {
          name: 'react18',
          environment: 'jsdom',
          include: ['__tests__/react/**/*.test.{ts,tsx}'],
          exclude: ['**/node_modules/**'],
          env: { REACT_MAJOR: '18' },
          server: { deps: { inline: ['react-redux', '@testing-library/react'] } },
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
