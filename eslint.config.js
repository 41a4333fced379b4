// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/**
 * The dependency rules of docs/architecture.md (conventions.md "Dependency rules") as import zones.
 * Each area may import another only through its index (its public face), and only the areas the
 * table allows.
 */
const AREAS = ['engine', 'mock-creatio', 'fake-chat', 'lab', 'contract', 'electron', 'renderer'];

/** Patterns that match a deep import into `area` (anything but its index). */
const deep = (area) => [`**/${area}/*`, `!**/${area}/index`, `!**/${area}/index.ts`];
/** Patterns that match any import of `area`. */
const any = (area) => [`**/${area}`, `**/${area}/*`];

function zone(area, allowed, extraForbidden = []) {
  const forbiddenAreas = AREAS.filter((a) => a !== area && !allowed.includes(a));
  return {
    files: [`${area}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': ['error', {
        paths: extraForbidden.map((name) => ({ name, message: `${area}/ must not import ${name} (conventions.md, Dependency rules).` })),
        patterns: [
          ...forbiddenAreas.map((a) => ({ group: any(a), message: `${area}/ must not import ${a}/ (conventions.md, Dependency rules).` })),
          ...allowed.map((a) => ({ group: deep(a), message: `Import ${a}/ only through its index.ts.` })),
        ],
      }],
    },
  };
}

const NODE_BUILTINS = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'path', 'node:path', 'child_process',
  'node:child_process', 'http', 'node:http', 'net', 'node:net', 'os', 'node:os'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  zone('engine', [], ['electron', 'react', 'express', 'lowdb', ...NODE_BUILTINS]),
  zone('mock-creatio', [], ['electron', 'react']),
  zone('fake-chat', [], ['electron', 'react']),
  zone('lab', ['engine', 'mock-creatio', 'fake-chat', 'contract'], ['electron', 'react']),
  zone('electron', ['lab', 'contract']),
  zone('contract', [], ['express', 'lowdb', 'electron', 'react', ...NODE_BUILTINS]),
  {
    ...zone('renderer', ['contract'], ['electron', 'express', 'lowdb', ...NODE_BUILTINS]),
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Cross-area tests and benchmarks use areas through their public faces only.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: AREAS.map((a) => ({ group: deep(a), message: `Use ${a}/ through its index.ts.` })),
      }],
    },
  },
);
