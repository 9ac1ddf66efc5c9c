#!/usr/bin/env node
// Installs what the app and its tests need, when it is missing: `node scripts/ensure.mjs npm chromium`.
// npm packages come from the lockfile; system tools (Chromium, Python, curl, tshark) from Debian's apt.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Debian packages, by what they provide: the command that must exist after installing. */
const SYSTEM = {
  chromium: { pkg: 'chromium', command: '/usr/bin/chromium' },
  python3: { pkg: 'python3', command: 'python3' },
  curl: { pkg: 'curl', command: 'curl' },
  // The capture test reads the lab's pcap files with Wireshark's tshark. Its debconf question (may non-root users
  // capture?) is answered with its default, no, because run() sets DEBIAN_FRONTEND=noninteractive.
  tshark: { pkg: 'tshark', command: 'tshark' },
  // Korean text in screenshots needs a CJK font; without one Chromium draws empty boxes.
  'fonts-noto-cjk': {
    pkg: 'fonts-noto-cjk',
    command: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  },
};

function say(message) {
  process.stderr.write(`[ensure] ${message}\n`);
}

function run(command, args) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) {
    say(`failed: ${command} ${args.join(' ')}`);
    process.exit(result.status ?? 1);
  }
}

function has(command) {
  if (command.startsWith('/')) return existsSync(command);
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

// npm ci when node_modules is missing or was installed from another lockfile.
function ensureNpm() {
  const lock = readFileSync(join(root, 'package-lock.json'));
  const hash = createHash('sha256').update(lock).digest('hex');
  const stamp = join(root, 'node_modules', '.mail-lab-lockfile-hash');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return;
  say('installing npm packages from package-lock.json');
  run('npm', ['ci', '--no-audit', '--no-fund']);
  writeFileSync(stamp, hash);
}

let aptUpdated = false;
function ensureSystem(name) {
  const { pkg, command } = SYSTEM[name];
  if (has(command)) return;
  const root = process.getuid?.() === 0;
  const sudo = !root && has('sudo') ? ['sudo'] : [];
  if (!root && sudo.length === 0) {
    say(`${name} is missing and this user cannot install it. Run: apt-get install -y ${pkg}`);
    process.exit(1);
  }
  say(`installing ${pkg} from Debian`);
  const apt = (args) => (sudo.length ? run('sudo', ['apt-get', ...args]) : run('apt-get', args));
  if (!aptUpdated) apt(['update']);
  aptUpdated = true;
  apt(['install', '-y', '--no-install-recommends', pkg]);
  if (!has(command)) {
    say(`installed ${pkg}, but ${command} is still missing`);
    process.exit(1);
  }
}

for (const what of process.argv.slice(2)) {
  if (what === 'npm') ensureNpm();
  else if (what in SYSTEM) ensureSystem(what);
  else {
    say(`unknown requirement: ${what}`);
    process.exit(2);
  }
}
if (process.argv.includes('chromium')) {
  const version = execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim();
  say(`using ${version}`);
}
