// A webmail host's service: the webmail application behind HTTP on port 80, reading its users' mail over IMAP and
// sending it over SMTP submission to their mail server (imapAccess.ts). Its sessions live in its memory, so a
// restart of the host logs everyone out.
import type { Socket } from '../../net/socket.ts';
import { listenHttp, serveHttp } from '../services/httpService.ts';
import type { ServiceContext } from '../services/service.ts';
import { ImapAccess } from './imapAccess.ts';
import { WebmailApp } from './webmailApp.ts';

/** WebmailConfig is a webmail service's part of the scenario, defaults filled in. */
export interface WebmailConfig {
  readonly port: number;
  /** server is the mail server whose users log in here. */
  readonly server: string;
  /** domain is the domain of those users' addresses. */
  readonly domain: string;
}

function sessionId(ctx: ServiceContext): string {
  // 128 bits from the kernel's generator: unguessable to a student, the same in every replay.
  return Array.from({ length: 4 }, () => ctx.kernel.randomUint32().toString(16).padStart(8, '0')).join('');
}

/**
 * WebmailService is one run of a host's webmail, from the host coming up until it goes down. Made, it listens on
 * its port; `serve` answers a connection from elsewhere too (the bridge's real sockets).
 */
export class WebmailService {
  readonly app: WebmailApp;
  readonly config: WebmailConfig;
  readonly #ctx: ServiceContext;
  readonly #access: ImapAccess;

  constructor(ctx: ServiceContext, config: WebmailConfig) {
    this.config = config;
    this.#ctx = ctx;
    this.#access = new ImapAccess(ctx, { server: config.server, domain: config.domain });
    this.app = new WebmailApp({
      hostname: ctx.host,
      access: this.#access,
      newSessionId: () => sessionId(ctx),
      note: (fact) => ctx.emit({ kind: 'webmail.session', host: ctx.host, ...fact }),
    });
    listenHttp(ctx, this.app, config.port);
  }

  /** untouched is true while nobody has logged in or sent mail: a new run of the service is then the same. */
  get untouched(): boolean {
    return this.app.sessionCount === 0 && this.#access.sent === 0;
  }

  /** serve answers HTTP on a connected socket with this webmail. */
  serve(socket: Socket): void {
    serveHttp(socket, this.#ctx, this.app);
  }
}
