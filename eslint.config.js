import js from '@eslint/js'
import tseslint from 'typescript-eslint'

// The layout of src/ is a message's way: protocol/ (the wire), crmTabs/, bridge/ (window message to
// action), crmCalls/, listeners/ (each request's owner, its effects and answers). A folder imports
// only the folders before it, so no import goes backwards and no cycle can form; the entries
// (client/, react/, phone/, privacy/, testing/) sit on top. At the root, createCrmBridge.ts wires
// it all, index.ts names the public API, and a few leaves (below) serve every host folder.
const LAYERS = {
  protocol: [],
  crmTabs: ['protocol'],
  bridge: ['protocol', 'crmTabs'],
  crmCalls: ['protocol', 'crmTabs', 'bridge'],
  listeners: ['protocol', 'crmTabs', 'bridge', 'crmCalls'],
  privacy: ['protocol', 'crmTabs', 'bridge', 'crmCalls'],
  phone: ['protocol', 'bridge'],
  client: ['protocol'],
  react: [],
  testing: [],
}
// Root modules a folder may import: leaves that import no folder, and, above the slices, the root
// state's shape. The React and testing entries use the public API (`../index.js`) only.
const LEAVES = [
  'CrmBridgeError',
  'definedOnly',
  'onError',
  'randomUuid',
  'redactPhoneNumbers',
  'toolkit',
  'toolkitSelectors',
]
const ROOT_ALLOWED = {
  listeners: [...LEAVES, 'crmReducers'],
  client: [],
  react: ['index'],
  testing: ['index'],
}

const layering = Object.entries(LAYERS).map(([folder, allowed]) => {
  const forbidden = Object.keys(LAYERS).filter(
    (other) => other !== folder && !allowed.includes(other),
  )
  const rootAllowed = ROOT_ALLOWED[folder] ?? LEAVES
  const rootRule = rootAllowed.length
    ? `^\\.\\./(?!(?:${rootAllowed.join('|')})\\.js$)[^/]+$`
    : '^\\.\\./[^/]+$'
  return {
    files: [`src/${folder}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^\\.\\./(?:${forbidden.join('|')})/`,
              message: `src/${folder}/ ${allowed.length ? `may import only ${allowed.join(', ')}` : 'imports no other folder'}: see the layers in eslint.config.js`,
            },
            {
              regex: rootRule,
              message: `src/${folder}/ may import from src/ itself only ${rootAllowed.join(', ') || 'nothing'}`,
            },
          ],
        },
      ],
    },
  }
})

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'coverage',
      'docs/api',
      'consumers/**/dist',
      'consumers/vite-react18',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
      },
    },
  },
  {
    // CommonJS on purpose: the consumer projects test the package's require() build.
    files: ['**/*.cjs', 'consumers/shared/jest*/jest.config.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  ...layering,
  {
    // The leaves import no folder, so that every folder may import them without a cycle.
    files: LEAVES.map((leaf) => `src/${leaf}.ts`),
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^\\./[^/]+/', message: 'a leaf of src/ imports no folder' }] },
      ],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
)
