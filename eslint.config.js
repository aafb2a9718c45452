import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import reactRefresh from 'eslint-plugin-react-refresh';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The architecture as lint errors (README, "Architecture"):
 *   src/app -> src/features/* -> (src/api, src/components) -> (src/config, src/utils, src/hooks)
 *   a feature never imports another feature; components never import the api (they may use src/contract's pure rules); the api imports no UI;
 *   server/bff and server/sandbox never import each other; both may use src/contract (the zod schemas and domain rules both sides share).
 *   server/*.ts (the entry points: config, start, main) put bff and sandbox together, and nothing but tests' helpers imports them;
 *   bench/ and scripts/ stand outside the product: they may drive it (the sandbox's data, the signer, the build), it never imports them.
 */
const allow = (from, to) => ({
  from: { element: { type: from } },
  allow: to.map((type) => ({ to: { element: { type } } })),
});

const policies = [
  allow('app', ['app', 'feature', 'api', 'contract', 'components', 'shared']),
  allow('feature', ['api', 'contract', 'components', 'shared']),
  // Within one feature anything goes; across features nothing does.
  {
    from: { element: { type: 'feature' } },
    allow: [{ to: { element: { type: 'feature', captured: { feature: '{{ from.element.captured.feature }}' } } } }],
  },
  allow('api', ['api', 'contract', 'shared']),
  allow('contract', ['contract']),
  allow('components', ['components', 'contract', 'shared']),
  allow('shared', ['shared']),
  allow('testing', ['testing', 'app', 'api', 'contract', 'components', 'shared']),
  allow('bff', ['bff', 'server-common', 'contract', 'server-testing']),
  allow('sandbox', ['sandbox', 'server-common', 'contract', 'server-testing']),
  allow('server-common', ['server-common']),
  allow('server-testing', ['server-testing', 'server-entry', 'bff', 'sandbox', 'server-common', 'contract']),
  allow('server-entry', ['server-entry', 'bff', 'sandbox', 'server-common', 'server-testing', 'contract']),
  allow('e2e', ['e2e', 'contract']),
  allow('bench', ['bench', 'sandbox', 'server-common', 'server-testing', 'scripts', 'contract']),
  allow('scripts', ['scripts', 'shared']),
];

const architecture = {
  files: ['src/**/*.{ts,tsx}', 'server/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.{ts,tsx}', 'scripts/**/*.{js,mjs}'],
  plugins: { boundaries },
  settings: {
    'import/resolver': { typescript: { project: './tsconfig.json' } },
    'boundaries/include': ['src/**/*', 'server/**/*', 'e2e/**/*', 'bench/**/*', 'scripts/**/*'],
    'boundaries/elements': [
      { type: 'app', pattern: 'src/app' },
      { type: 'feature', pattern: 'src/features/*', capture: ['feature'] },
      { type: 'contract', pattern: 'src/contract' },
      { type: 'api', pattern: 'src/api' },
      { type: 'components', pattern: 'src/components' },
      { type: 'shared', pattern: 'src/(config|utils|hooks)' },
      { type: 'testing', pattern: 'src/testing' },
      { type: 'bff', pattern: 'server/bff' },
      { type: 'sandbox', pattern: 'server/sandbox' },
      { type: 'server-common', pattern: 'server/(oauth1|http)' },
      { type: 'server-testing', pattern: 'server/testing' },
      { type: 'e2e', pattern: 'e2e' },
      // Last of the server's: only the files that none of its folders above claim (server/*.ts).
      { type: 'server-entry', pattern: 'server' },
      { type: 'bench', pattern: 'bench' },
      { type: 'scripts', pattern: 'scripts' },
    ],
  },
  rules: {
    'boundaries/dependencies': [
      'error',
      {
        default: 'disallow',
        policies,
      },
    ],
  },
};

export default tseslint.config(
  { ignores: ['dist', 'dist-server', 'node_modules', '.cache', 'reports', 'test-results', 'playwright-report', 'data', 'bench/.cache'] },
  {
    extends: [js.configs.recommended, ...tseslint.configs.strict],
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { ecmaVersion: 2023, globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
        {
          // MUI 9 has no system props: a colour path such as "text.secondary" is silently ignored.
          selector: "JSXAttribute[name.name='color'][value.value=/\\./]",
          message: 'Name a palette colour the component knows (e.g. color="textSecondary"), or set it in sx.',
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    extends: [...pluginQuery.configs['flat/recommended-strict']],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, 'react-refresh': reactRefresh },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-refresh/only-export-components': ['error', { allowConstantExport: true, allowExportNames: ['useNotify', 'useConfirm'] }],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'zod', message: "Import { z } from '@contract/zod.ts' (CSP-safe configuration)." },
            { name: 'react-router', message: 'Import from react-router-dom (decision 0199).' },
            { name: 'dayjs', message: "Import { dayjs } from '@/utils/dayjs.ts' (time zones are set up there)." },
            { name: '@mui/material', message: "Import each component from its path, e.g. '@mui/material/Button'." },
            { name: '@mui/icons-material', message: "Import each icon from its path, e.g. '@mui/icons-material/Add'." },
          ],
        },
      ],
    },
  },
  { files: ['src/contract/zod.ts', 'src/utils/dayjs.ts'], rules: { 'no-restricted-imports': 'off' } },
  {
    // A sandbox route validates the request, calls server/sandbox/model and shapes the answer: no SQL of its own.
    files: ['server/sandbox/routes/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
        ...[
          "CallExpression[callee.object.name='db'][callee.property.name=/^(prepare|exec|transaction|pragma)$/]",
          'CallExpression[callee.name=/^(prepareCached|queryFeed)$/]',
          'Literal[value=/\\b(SELECT|INSERT INTO|UPDATE|DELETE FROM)\\b/]',
          'TemplateElement[value.raw=/\\b(SELECT|INSERT INTO|UPDATE|DELETE FROM)\\b/]',
        ].map((selector) => ({ selector, message: 'SQL belongs in server/sandbox/model; the route calls it.' })),
      ],
    },
  },
  {
    files: ['*.config.{ts,js}', 'vite.config.ts', 'playwright.config.ts', 'eslint.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  architecture,
  // Tests beside the code, in any layer, may use the shared test helpers (and check a generated table against its script).
  {
    files: ['src/**/*.test.{ts,tsx}'],
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: [
            ...policies,
            { from: { element: { type: 'feature' } }, allow: [{ to: { element: { type: 'testing' } } }, { to: { element: { type: 'scripts' } } }] },
          ],
        },
      ],
    },
  },
  // A server test may start the whole server (server/main.ts) or read its configuration to check what it refuses.
  {
    files: ['server/**/*.test.ts'],
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: [...policies, { from: { element: { type: ['bff', 'sandbox'] } }, allow: [{ to: { element: { type: 'server-entry' } } }] }],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
        {
          selector: "CallExpression[callee.object.name='vi'][callee.property.name=/^(mock|doMock)$/]",
          message: "The server's test files share their worker's modules (vite.config.ts): hand the code a fake instead of replacing a module.",
        },
      ],
    },
  },
);
