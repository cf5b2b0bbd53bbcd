// @ts-check
// Lint for bugs the compiler lets through, not for style: typescript-eslint's type-checked
// recommended rules (floating and misused promises, awaiting non-promises, unbound methods,
// needless assertions, "[object Object]" in text), a few more of that kind, and JavaScript's
// recommended rules. Formatting and import order are left alone on purpose.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'src/core/schema/generated/', 'test/fixtures/', 'bench/.data/', '.tools/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // `any` comes in only from JSON.parse and from VS Code's `dispose(): any`, and values from
      // outside (webview messages, options files, RFC results) are checked by hand where they
      // enter; flagging every use of such a value would be noise.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Test doubles implement promise-returning interfaces without awaiting anything.
      '@typescript-eslint/require-await': 'off',
      // tsc's noUnusedLocals / noUnusedParameters already report these.
      '@typescript-eslint/no-unused-vars': 'off',
      // Sanitizers match control characters on purpose; counted spaces are style.
      'no-control-regex': 'off',
      'no-regex-spaces': 'off',
      // Best-effort cleanup swallows errors on purpose.
      'no-empty': ['error', { allowEmptyCatch: true }],
      // `return promise` inside try skips the catch and the finally's timing; elsewhere either way is fine.
      '@typescript-eslint/return-await': ['error', 'error-handling-correctness-only'],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    // Scripts run in Node; the host scripts also pass functions to run in the browser page.
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
