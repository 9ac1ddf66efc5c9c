// Lint rules, chiefly the layer rules of DESIGN.md: imports point downwards only, and nothing below the UI
// reads the wall clock or Math.random.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** What each folder under src/ may not import (DESIGN.md, "Layers"). */
const FORBIDDEN = {
  protocols: ['ui', 'timeline', 'lessons', 'sim', 'net', 'bridge', 'cli'],
  net: ['ui', 'timeline', 'lessons', 'sim', 'protocols', 'bridge', 'cli'],
  sim: ['ui', 'timeline', 'lessons', 'bridge', 'cli'],
  lessons: ['ui', 'timeline', 'bridge', 'cli'],
  timeline: ['ui', 'lessons', 'bridge', 'cli'],
  bridge: ['ui', 'timeline', 'lessons', 'cli'],
  cli: ['ui', 'timeline'],
};
const ONLY_UI_PACKAGES = { svelte: ['svelte', 'svelte/*'], d3: ['d3', 'd3-*'] };

function layerRules(layer) {
  const banned = FORBIDDEN[layer];
  const patterns = banned.map((other) => ({
    group: [`**/${other}/*`, `../${other}`, `./${other}/*`],
    message: `${layer}/ may not import ${other}/ (DESIGN.md, Layers: imports point downwards only).`,
  }));
  patterns.push({ group: ONLY_UI_PACKAGES.svelte, message: 'Only ui/ imports Svelte.' });
  if (layer !== 'timeline')
    patterns.push({ group: ONLY_UI_PACKAGES.d3, message: 'Only timeline/ and ui/ import D3.' });
  return { 'no-restricted-imports': ['error', { patterns }] };
}

const NO_WALL_CLOCK = {
  'no-restricted-properties': [
    'error',
    { object: 'Date', property: 'now', message: 'Below the UI, time is the kernel’s virtual clock.' },
    {
      object: 'Math',
      property: 'random',
      message: 'Below the UI, chance comes from the kernel’s seeded Rng.',
    },
    { object: 'performance', property: 'now', message: 'Below the UI, time is the kernel’s virtual clock.' },
  ],
  'no-restricted-globals': [
    'error',
    { name: 'setTimeout', message: 'Below the UI, schedule on the kernel.' },
    { name: 'setInterval', message: 'Below the UI, schedule on the kernel.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'tests/e2e/screenshots/', 'bench/results*.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
  },
  ...Object.keys(FORBIDDEN).map((layer) => ({ files: [`src/${layer}/**/*.ts`], rules: layerRules(layer) })),
  ...['protocols', 'net', 'sim', 'lessons', 'timeline'].map((layer) => ({
    files: [`src/${layer}/**/*.ts`],
    rules: NO_WALL_CLOCK,
  })),
);
