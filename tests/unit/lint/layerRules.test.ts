// The layer rules of DESIGN.md ("Layers"), probed through ESLint's Node API with eslint.config.js: every import
// the table forbids fails no-restricted-imports, and every import it allows passes. The table is written out
// again here on purpose, rather than read from the config, so that a wrong config cannot agree with itself.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

type Layer = 'ui' | 'timeline' | 'lessons' | 'sim' | 'net' | 'protocols' | 'bridge' | 'cli';

/** A module of each layer, as a path under src/; it need not exist, since lint does not resolve imports. */
const MODULE: Record<Layer, string> = {
  ui: 'ui/lab/labState.svelte.ts',
  timeline: 'timeline/timelineModel.ts',
  lessons: 'lessons/lessonDriver.ts',
  sim: 'sim/session.ts',
  net: 'net/types.ts',
  protocols: 'protocols/smtp/smtpServerMachine.ts',
  bridge: 'bridge/bridge.ts',
  cli: 'cli/sim.ts',
};

const PROTOCOL_CODECS = [
  'protocols/message/base64.ts',
  'protocols/message/parseMessage.ts',
  'protocols/message/deliveryStatus.ts',
  'protocols/shared/lineFramer.ts',
  'protocols/shared/octets.ts',
  'protocols/dns/dnsMessage.ts',
  'protocols/smtp/commands.ts',
  'protocols/smtp/paths.ts',
  'protocols/smtp/replies.ts',
  'protocols/smtp/sasl.ts',
  'protocols/smtp/traceFields.ts',
];
const PROTOCOL_NON_CODECS = [
  'protocols/smtp/smtpServerMachine.ts',
  'protocols/smtp/smtpClientMachine.ts',
  'protocols/registry.ts',
  'protocols/smtp/backend.ts',
  'protocols/smtp/memoryBackend.ts',
  'protocols/smtp/serverDecisions.ts',
  'protocols/smtp/clientResults.ts',
  'protocols/smtp/timeouts.ts',
  'protocols/smtp/replyExplanations.ts',
  'protocols',
  'protocols/message/../smtp/smtpServerMachine.ts',
];

/** PACKAGES are the probed packages; any other target is a path under src/. */
const PACKAGES = new Set(['svelte', 'svelte/store', 'd3', 'd3-scale']);

type Form = 'value' | 'type';
const CODE: Record<Form, (spec: string) => string> = {
  value: (spec) => `import { probe } from '${spec}';\nexport const used = probe;\n`,
  type: (spec) => `import type { Probe } from '${spec}';\nexport type Used = Probe;\n`,
};

let eslint: ESLint;

beforeAll(async () => {
  eslint = new ESLint({ cwd: ROOT });
  await eslint.lintText('export {};\n', { filePath: `${ROOT}src/sim/warmUp.ts` });
}, 60_000);

/** restricted lints `code` as if it were src/<file> and returns what no-restricted-imports said. */
async function restricted(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}src/${file}` });
  // A probe that did not parse, or that ESLint ignored, would pass for the wrong reason.
  if (
    !result ||
    result.fatalErrorCount > 0 ||
    result.messages.some((m) => m.message.startsWith('File ignored'))
  )
    throw new Error(`probe ${file} was not linted: ${JSON.stringify(result?.messages)}`);
  return result.messages
    .filter((m) => m.ruleId === 'no-restricted-imports' && m.severity === 2)
    .map((m) => m.message);
}

/** upFrom is the `../` that lead from src/<file> back to src/. */
function upFrom(file: string): string {
  return '../'.repeat(file.split('/').length - 1);
}

/** IMPORTERS are where a layer's probes sit: at its top, and two folders down. */
function importers(layer: Layer): string[] {
  return [`${layer}/probe.ts`, `${layer}/a/b/probe.ts`];
}

/**
 * misjudged lints every `form` of import of every target (a path under src/, or one of PACKAGES) from each importer of
 * `layer`, and lists those whose verdict is not `forbidden`: empty when the rules agree with the table.
 */
async function misjudged(
  layer: Layer,
  targets: string[],
  forms: Form[],
  forbidden: boolean,
): Promise<string[]> {
  const wrong: string[] = [];
  for (const file of importers(layer))
    for (const target of targets)
      for (const form of forms) {
        const spec = PACKAGES.has(target) ? target : `${upFrom(file)}${target}`;
        const code = CODE[form](spec);
        if ((await restricted(file, code)).length > 0 !== forbidden)
          wrong.push(`src/${file}: ${code.split('\n')[0]}`);
      }
  return wrong;
}

const forbids = (layer: Layer, targets: string[], forms: Form[] = ['value', 'type']) =>
  misjudged(layer, targets, forms, true);
const allows = (layer: Layer, targets: string[], forms: Form[] = ['value', 'type']) =>
  misjudged(layer, targets, forms, false);
const modules = (...layers: Layer[]) => layers.map((layer) => MODULE[layer]);

describe('layer rules (DESIGN.md, Layers)', { timeout: 30_000 }, () => {
  it('ui may import every layer below it, values and types, and Svelte and D3', async () => {
    const below = modules('timeline', 'lessons', 'sim', 'net', 'protocols', 'bridge');
    expect(await allows('ui', [...below, 'svelte', 'd3'])).toEqual([]);
  });

  it('timeline may import sim, values and types', async () => {
    expect(await allows('timeline', modules('sim'))).toEqual([]);
  });

  it('timeline may import types from net but not values', async () => {
    expect(await allows('timeline', modules('net'), ['type'])).toEqual([]);
    expect(await forbids('timeline', modules('net'), ['value'])).toEqual([]);
  });

  it('timeline may import types from protocols but not values, not even a codec', async () => {
    const targets = [...modules('protocols'), 'protocols/message/base64.ts'];
    expect(await allows('timeline', targets, ['type'])).toEqual([]);
    expect(await forbids('timeline', targets, ['value'])).toEqual([]);
  });

  it('timeline may not import ui, lessons, bridge or cli, not even types', async () => {
    expect(await forbids('timeline', modules('ui', 'lessons', 'bridge', 'cli'))).toEqual([]);
  });

  it('lessons may import sim, values and types', async () => {
    expect(await allows('lessons', modules('sim'))).toEqual([]);
  });

  it('lessons may import the pure codecs of protocols, values and types', async () => {
    expect(await allows('lessons', PROTOCOL_CODECS)).toEqual([]);
  });

  it('lessons may not import the machines or anything else of protocols that is not a codec, not even types', async () => {
    expect(await forbids('lessons', PROTOCOL_NON_CODECS)).toEqual([]);
  });

  it('lessons may not import net, not even types', async () => {
    expect(await forbids('lessons', modules('net'))).toEqual([]);
  });

  it('lessons may not import ui, timeline, bridge or cli, not even types', async () => {
    expect(await forbids('lessons', modules('ui', 'timeline', 'bridge', 'cli'))).toEqual([]);
  });

  it('sim may import net and protocols, values and types', async () => {
    expect(await allows('sim', [...modules('net', 'protocols'), ...PROTOCOL_CODECS])).toEqual([]);
  });

  it('sim may not import ui, timeline, lessons, bridge or cli, not even types', async () => {
    expect(await forbids('sim', modules('ui', 'timeline', 'lessons', 'bridge', 'cli'))).toEqual([]);
  });

  it('net may import no other layer, not even types', async () => {
    const others = modules('ui', 'timeline', 'lessons', 'sim', 'protocols', 'bridge', 'cli');
    expect(await forbids('net', [...others, 'protocols/message/base64.ts'])).toEqual([]);
  });

  it('protocols may import no other layer, not even types', async () => {
    expect(
      await forbids('protocols', modules('ui', 'timeline', 'lessons', 'sim', 'net', 'bridge', 'cli')),
    ).toEqual([]);
  });

  it('bridge may import protocols and sim, values and types', async () => {
    expect(await allows('bridge', modules('protocols', 'sim'))).toEqual([]);
  });

  it('bridge may import types from net but not values', async () => {
    expect(await allows('bridge', modules('net'), ['type'])).toEqual([]);
    expect(await forbids('bridge', modules('net'), ['value'])).toEqual([]);
  });

  it('bridge may not import ui, timeline, lessons or cli, not even types', async () => {
    expect(await forbids('bridge', modules('ui', 'timeline', 'lessons', 'cli'))).toEqual([]);
  });

  it('every layer may import its own modules', async () => {
    for (const layer of ['timeline', 'lessons', 'sim', 'net', 'protocols', 'bridge'] as const)
      expect(await allows(layer, [`${layer}/other.ts`])).toEqual([]);
  });

  it('only ui imports Svelte, not even its types elsewhere', async () => {
    for (const layer of ['timeline', 'lessons', 'sim', 'net', 'protocols', 'bridge'] as const)
      expect(await forbids(layer, ['svelte', 'svelte/store'])).toEqual([]);
  });

  it('only timeline and ui import D3', async () => {
    expect(await allows('timeline', ['d3', 'd3-scale'])).toEqual([]);
    for (const layer of ['lessons', 'sim', 'net', 'protocols', 'bridge'] as const)
      expect(await forbids(layer, ['d3', 'd3-scale'])).toEqual([]);
  });

  it('re-exports are judged like imports: types from net may pass through timeline, values may not', async () => {
    const spec = `../${MODULE.net}`;
    expect(await restricted('timeline/probe.ts', `export type { Probe } from '${spec}';\n`)).toEqual([]);
    expect(await restricted('timeline/probe.ts', `export { probe } from '${spec}';\n`)).not.toEqual([]);
    expect(await restricted('timeline/probe.ts', `export * from '${spec}';\n`)).not.toEqual([]);
    expect(await restricted('timeline/probe.ts', `import '${spec}';\n`)).not.toEqual([]);
  });

  it('a type-only import is written `import type`, since `import { type X }` would still load the module', async () => {
    const [result] = await eslint.lintText(
      `import { type Probe } from '../${MODULE.net}';\nexport type Used = Probe;\n`,
      {
        filePath: `${ROOT}src/timeline/probe.ts`,
      },
    );
    expect(result?.messages.map((m) => m.ruleId)).toContain('@typescript-eslint/no-import-type-side-effects');
  });

  it('an import is judged by the folder it leads to, not by a folder name in its path', async () => {
    // src/net/a/sim/ is net's own; ../../lessons/ from src/timeline/ is the lesson texts at the repository root.
    expect(await restricted('net/a/probe.ts', CODE.value('../sim/x.ts'))).toEqual([]);
    expect(await restricted('timeline/probe.ts', CODE.value('../../lessons/01-intro/en.md'))).toEqual([]);
    expect(await restricted('net/a/probe.ts', CODE.type('../../sim/x.ts'))).not.toEqual([]);
  });

  it('every source file of a layer below ui is held to its layer rules, however deep it lies', async () => {
    const unchecked: string[] = [];
    for (const layer of ['timeline', 'lessons', 'sim', 'net', 'protocols', 'bridge', 'cli'] as const) {
      const files = readdirSync(`${ROOT}src/${layer}`, { recursive: true, encoding: 'utf8' })
        .filter((f) => /\.(ts|svelte)$/.test(f))
        .map((f) => `${layer}/${f.split('\\').join('/')}`);
      expect(files.length).toBeGreaterThan(0);
      for (const file of files)
        if ((await restricted(file, CODE.type(`${upFrom(file)}${MODULE.ui}`))).length === 0)
          unchecked.push(file);
    }
    expect(unchecked).toEqual([]);
  }, 60_000);
});
