// Lint rules, chiefly the layer rules of DESIGN.md ("Layers"), kept exactly as strict as its table:
//   ui/         everything below; no layer rule
//   timeline/   sim/; only types from net/ and protocols/
//   lessons/    sim/; the pure codecs of protocols/ (PROTOCOL_CODECS); nothing of net/, not even types
//   sim/        net/, protocols/
//   net/        no other layer, not even types
//   protocols/  no other layer, not even types
//   bridge/     protocols/, sim/; only types from net/
//   cli/        not in the table: everything but ui/ and timeline/
// What a row does not list is forbidden, types included; a layer may always import itself. "Only types"
// means `import type` or `export type … from`, which TypeScript erases; `import { type X }` would still
// load the module under verbatimModuleSyntax, so no-import-type-side-effects turns it into `import type`.
// Only ui/ imports Svelte; only timeline/ and ui/ import D3 (types included). Nothing below the UI reads the
// wall clock or Math.random.
//
// no-restricted-imports sees an import's text, not the file it leads to, so each layer gets one block per
// folder depth: in src/sim/mail/*.ts `../../net/…` is net/, but `../net/…` would be sim/net/ and
// `../../../lessons/…` the lesson texts at the repository root. Imports are matched as written: keep them
// normalised (no `a/../b`). tests/unit/lint/layerRules.test.ts probes every pair of the table.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** LAYERS are the folders under src/ that the layer rules know. */
const LAYERS = ['ui', 'timeline', 'lessons', 'sim', 'net', 'protocols', 'bridge', 'cli'];

/**
 * MAY_IMPORT says what each folder under src/ may import of the other layers (DESIGN.md, "Layers"):
 * `values` (and types), `types` (`import type` only) or `codecs` (PROTOCOL_CODECS only, values and types).
 * ui/ has no entry: it may import everything.
 */
const MAY_IMPORT = {
  timeline: { sim: 'values', net: 'types', protocols: 'types' },
  lessons: { sim: 'values', protocols: 'codecs' },
  sim: { net: 'values', protocols: 'values' },
  net: {},
  protocols: {},
  bridge: { protocols: 'values', sim: 'values', net: 'types' },
  cli: { lessons: 'values', sim: 'values', net: 'values', protocols: 'values', bridge: 'values' },
};

/**
 * PROTOCOL_CODECS are the modules of protocols/ that lessons/ may import, as paths under protocols/ without
 * `.ts`; `*` is any module directly in that folder. They are its pure codecs in DESIGN.md's sense: parsing
 * and formatting functions, and the framing and limits they share, with no XState and no I/O. Not codecs:
 * the session machines (`*Machine.ts`) and their parts (smtp/backend, memoryBackend, serverDecisions,
 * clientResults, timeouts), the registry (it holds the machines), smtp/replyExplanations (teaching text),
 * smtp/lineFacts, smtp/typedLines and smtp/catalogue. A new codec is added to this list.
 */
const PROTOCOL_CODECS = [
  'message/*', // RFC 5322, MIME, Base64, quoted-printable, delivery status notifications
  'shared/*', // CRLF line framing, dot-stuffing, multi-line replies, octets, line limits, line facts
  'dns/dnsMessage',
  'smtp/commands',
  'smtp/paths',
  'smtp/replies',
  'smtp/sasl',
  'smtp/traceFields',
];
const CODEC_LIST = PROTOCOL_CODECS.join(', ');
const CODEC_PATH = `(?:${PROTOCOL_CODECS.map((c) => c.replace('*', '[\\w-]+')).join('|')})(?:\\.ts)?$`;

/** MAX_DEPTH is how many folders deep in src/<layer>/ the layer rules reach; the test checks it is enough. */
const MAX_DEPTH = 6;

/** layerPatterns forbids what `layer` may not import, from a file `depth` folders below src/. */
function layerPatterns(layer, depth) {
  const up = '\\.\\./'.repeat(depth);
  const patterns = [];
  for (const other of LAYERS) {
    const may = MAY_IMPORT[layer][other];
    if (other === layer || may === 'values') continue;
    const regex = `^${up}${other}(?:/|$)`;
    if (may === 'types')
      patterns.push({
        regex,
        allowTypeImports: true,
        message: `${layer}/ may import only types from ${other}/, with \`import type\` (DESIGN.md, Layers).`,
      });
    else if (may === 'codecs')
      patterns.push({
        regex: `^${up}${other}(?:/(?!${CODEC_PATH})|$)`,
        message: `${layer}/ may import only the pure codecs of ${other}/: ${CODEC_LIST} (DESIGN.md, Layers).`,
      });
    else
      patterns.push({
        regex,
        message: `${layer}/ may not import ${other}/, not even types (DESIGN.md, Layers).`,
      });
  }
  patterns.push({ regex: '^svelte(?:/|$)', message: 'Only ui/ imports Svelte.' });
  if (layer !== 'timeline')
    patterns.push({ regex: '^d3(?:-[\\w-]+)?(?:/|$)', message: 'Only timeline/ and ui/ import D3.' });
  return patterns;
}

/** layerBlocks gives a layer one block per folder depth, as its patterns count the `../` leaving it. */
function layerBlocks(layer) {
  return Array.from({ length: MAX_DEPTH + 1 }, (_, depth) => ({
    files: [`src/${layer}/${'*/'.repeat(depth)}*.{ts,svelte}`],
    rules: { 'no-restricted-imports': ['error', { patterns: layerPatterns(layer, depth + 1) }] },
  }));
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
  {
    ignores: [
      'dist/',
      'node_modules/',
      'test-results/',
      'tests/e2e/screenshots/',
      'bench/results*.json',
      'bench/.filed/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-import-type-side-effects': 'error',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
  },
  ...Object.keys(MAY_IMPORT).flatMap(layerBlocks),
  ...['protocols', 'net', 'sim', 'lessons', 'timeline'].map((layer) => ({
    files: [`src/${layer}/**/*.ts`],
    rules: NO_WALL_CLOCK,
  })),
);
