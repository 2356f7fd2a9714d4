// Lint rules. The one that matters most keeps I/O out of pure code: codec/ and machine/ folders
// (and the pure packages) must stay testable without sockets, files or the native binding.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const ioModules = [
  'node:net',
  'net',
  'node:dgram',
  'dgram',
  'node:fs',
  'fs',
  'node:fs/promises',
  'fs/promises',
  'node:child_process',
  'child_process',
  '@switchyard/node-tun',
  '@switchyard/crypto-native',
];
const ioRestriction = {
  'no-restricted-imports': [
    'error',
    {
      paths: ioModules.map((name) => ({ name, message: 'Pure code: I/O belongs in io/ (STYLE.md §3.6).' })),
      patterns: [{ group: ['**/io/*', '**/io'], message: 'Pure code must not import io/ modules.' }],
    },
  ],
};

export default tseslint.config(
  { ignores: ['**/dist/**', '**/build/**', '**/node_modules/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        setImmediate: 'readonly',
        URL: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: [
      '**/src/codec/**/*.ts',
      '**/src/machine/**/*.ts',
      'packages/wire/src/**/*.ts',
      'packages/ppp/src/**/*.ts',
      'packages/crypto/src/**/*.ts',
    ],
    ignores: ['**/*.test.ts', '**/testing/**', '**/bench/**'],
    rules: ioRestriction,
  },
);
