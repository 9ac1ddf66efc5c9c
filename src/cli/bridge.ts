// `npm run bridge -- --smtp 2525 [--submission 5870] [--pop3 1100] [--imap 1430] [--http 8080] [--host hamburger.edu]`:
// serves a textbook mail server on 127.0.0.1 so that `telnet 127.0.0.1 2525` talks to the SMTP machine the browser
// animates, and with --http its webmail host, so that a real browser reads the mail at http://127.0.0.1:8080/.
import { startBridge, BRIDGE_ADDRESS, DEFAULT_BRIDGE_HOST, type ServiceKind } from '../bridge/bridge.ts';

const DEFAULT_SMTP_PORT = 2525;

const USAGE = `usage: npm run bridge -- [--smtp PORT] [--submission PORT] [--pop3 PORT] [--imap PORT]
                          [--http PORT] [--host MAILSERVER] [--listen ADDRESS]
  --smtp PORT         real port for the server's SMTP port 25 (default ${DEFAULT_SMTP_PORT}; 0 picks a free one)
  --submission PORT   real port for its submission port 587, where AUTH PLAIN/LOGIN is required
  --pop3 PORT         real port for its POP3 port 110, to read back what SMTP delivered
  --imap PORT         real port for its IMAP port 143, over the same mailboxes (folders, flags, IDLE)
  --http PORT         real port for port 80 of its webmail host (webmail.hamburger.edu): open
                      http://127.0.0.1:PORT/ in a browser, log in, read and send
  --host MAILSERVER   which mail server of the textbook world to serve (default ${DEFAULT_BRIDGE_HOST})
  --listen ADDRESS    listen on ADDRESS instead of ${BRIDGE_ADDRESS} (prints a warning: the lab's passwords are public)
Listens on ${BRIDGE_ADDRESS} only unless told otherwise. Try: telnet 127.0.0.1 ${DEFAULT_SMTP_PORT}   (users: bob/hungry at hamburger.edu,
alice/croissant at crepes.fr). Ctrl-C stops.`;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

function parsePort(flag: string, text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) fail(`${flag}: not a port number (0 to 65535): ${text}`);
  return port;
}

async function main(argv: readonly string[]): Promise<void> {
  // One real port per service asked for.
  const FLAGS: Readonly<Record<string, ServiceKind>> = {
    '--smtp': 'smtp',
    '--submission': 'submission',
    '--pop3': 'pop3',
    '--imap': 'imap',
    '--http': 'http',
  };
  const ports: { [K in ServiceKind]?: number } = {};
  let host: string | undefined;
  let listen: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const value = () => argv[++i] ?? fail(`${arg} needs a value\n${USAGE}`);
    if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return;
    } else if (Object.hasOwn(FLAGS, arg)) ports[FLAGS[arg] as ServiceKind] = parsePort(arg, value());
    else if (arg === '--host') host = value();
    else if (arg === '--listen') listen = value();
    else fail(`unknown argument ${arg}\n${USAGE}`);
  }
  if (Object.keys(ports).length === 0) ports.smtp = DEFAULT_SMTP_PORT;
  let bridge;
  try {
    bridge = await startBridge({
      ...ports,
      ...(host !== undefined ? { host } : {}),
      ...(listen !== undefined ? { listen } : {}),
      log: (line) => process.stdout.write(`${line}\n`),
    });
  } catch (error) {
    fail(`bridge: ${(error as Error).message}`);
  }
  const running = bridge;
  let stopping = false;
  const stop = () => {
    // A second Ctrl-C while the bridge waits for clients to hang up leaves at once.
    if (stopping) process.exit(130);
    stopping = true;
    process.stdout.write('stopping…\n');
    void running.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

await main(process.argv.slice(2));
