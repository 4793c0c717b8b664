// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'engine/src/generated/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // Plain JavaScript (scripts, test runners, the grammar generator, the webview script) is type-checked by
    // `tsc -p tsconfig.scripts.json`, which knows the Node and browser globals of each file; ESLint's own
    // undefined-name check would need a second, hand-kept list of them.
    files: ['**/*.js', '**/*.mjs'],
    rules: {
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // The one CommonJS file: `node esbuild.js` runs it as a script (the package has no "type": "module").
    files: ['esbuild.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The engine is a pure library: the server, the CLI and the tests share it, so it must not know VS Code or LSP.
    files: ['engine/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['vscode', 'vscode-*', 'vscode-languageserver*', 'vscode-languageclient*', '@vscode/*'],
              message: 'The engine is pure: no VS Code or LSP imports.',
            },
            {
              group: ['node:*', 'fs', 'path', 'child_process', 'zlib', 'os'],
              message: 'The engine takes text, not files: keep Node APIs in the CLI or server.',
            },
            {
              group: ['**/server/**', '**/client/**', '**/cli/**'],
              message: 'The engine must not depend on its users.',
            },
          ],
        },
      ],
    },
  },
);
