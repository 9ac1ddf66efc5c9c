// A terminal on a host, used as one uses `telnet host port`: it opens a raw TCP connection, sends each typed
// line with CRLF, and prints what comes back. Its messages are the ones the real telnet client prints.
import type { Network } from '../../net/network.ts';
import type { Socket } from '../../net/socket.ts';
import type { HostId } from '../../net/types.ts';
import { LineFramer } from '../../protocols/shared/lineFramer.ts';
import { octetsToUtf8, utf8ToOctets } from '../../protocols/shared/octets.ts';
import { PROTOCOLS, protocolForPort as registered } from '../../protocols/registry.ts';
import { protocolForPort } from '../protocolForPort.ts';
import type { DnsResolver } from '../dns/dnsResolver.ts';
import { openConnection, resolveAddress, SOCKET_ERROR_TEXT } from '../services/openConnection.ts';
import { shownLine } from '../shownLine.ts';
import type { InputOrigin } from '../input.ts';
import type { TerminalEnd, UnstampedEvent } from '../trace.ts';

const MAX_LINE = 65_536;

/** Terminal holds at most one connection at a time, like one telnet session. */
export class Terminal {
  readonly #host: HostId;
  readonly #network: Network;
  readonly #resolver: DnsResolver;
  readonly #emit: (event: UnstampedEvent) => void;
  #socket: Socket | null = null;
  #resolving = false;
  #target = '';

  constructor(host: HostId, network: Network, resolver: DnsResolver, emit: (event: UnstampedEvent) => void) {
    this.#host = host;
    this.#network = network;
    this.#resolver = resolver;
    this.#emit = emit;
  }

  /**
   * open connects to `target` (a host name, looked up in DNS, or an address) on `port`; `by` is who typed the
   * command, written on `terminal.connected`.
   */
  open(target: string, port: number, by?: InputOrigin): void {
    if (this.#socket || this.#resolving) return this.#info(`?Already connected to ${this.#target}`);
    this.#target = target;
    this.#resolving = true;
    resolveAddress(
      () => this.#resolver,
      target,
      (address) => {
        this.#resolving = false;
        this.#connect(target, address, port, by);
      },
      (dns) => {
        this.#resolving = false;
        // getaddrinfo(3)'s words, as telnet prints them.
        const why = dns === 'timeout' ? 'Temporary failure in name resolution' : 'Name or service not known';
        this.#info(`telnet: could not resolve ${target}/${port}: ${why}`);
        this.#emit({ kind: 'terminal.disconnected', host: this.#host, conn: null, how: 'failed' });
      },
    );
  }

  #connect(target: string, addr: string, port: number, openedBy: InputOrigin | undefined): void {
    this.#info(`Trying ${addr}...`);
    const socket = openConnection(this.#network, this.#emit, this.#host, addr, port);
    const conn = socket.conn;
    const protocol = protocolForPort(port);
    // What the person types means what the protocol on that port makes of it; raw ports carry bare text.
    const known = registered(port);
    const reader = known === null ? null : (PROTOCOLS[known].typedLines?.() ?? null);
    const framer = new LineFramer(MAX_LINE);
    let connected = false;
    let closedByUs = false;
    this.#closeOwn = () => {
      closedByUs = true;
    };
    this.#socket = socket;
    this.#typed = (text, by) => {
      const facts = reader?.client(text) ?? {};
      const line = {
        kind: 'app.line',
        conn,
        host: this.#host,
        protocol,
        from: 'client',
        line: text,
        ...facts,
        typed: true,
        ...(by === undefined ? {} : { by }),
      } as const;
      this.#emit(line);
      // The screen echoes a credential as a password prompt would: masked.
      this.#line('out', shownLine(line), conn);
      socket.write(`${utf8ToOctets(text)}\r\n`);
    };
    const ended = (how: TerminalEnd) =>
      this.#emit({ kind: 'terminal.disconnected', host: this.#host, conn, how });
    socket.onEvent((event) => {
      // After `close`, telnet has let go of the connection: whatever it still does is not the person's concern.
      if (closedByUs) {
        if (event.type === 'closed' || event.type === 'error') this.#forget(socket);
        return;
      }
      switch (event.type) {
        case 'connected':
          connected = true;
          this.#emit({
            kind: 'terminal.connected',
            host: this.#host,
            conn,
            target,
            port,
            protocol,
            ...(openedBy === undefined ? {} : { by: openedBy }),
          });
          this.#info(`Connected to ${target}.`, conn);
          this.#info("Escape character is '^]'.", conn);
          break;
        case 'data':
          for (const framed of framer.push(event.data)) {
            const line = octetsToUtf8(framed.kind === 'line' ? framed.line : framed.prefix);
            if (framed.kind === 'line') reader?.server(framed.line);
            this.#line('in', line, conn);
          }
          break;
        case 'end':
          socket.close();
          this.#info('Connection closed by foreign host.', conn);
          ended('closed-by-peer');
          this.#forget(socket);
          break;
        case 'closed':
          this.#forget(socket);
          break;
        case 'error':
          // When our own host goes down there is nobody left to print anything.
          if (event.error === 'host-down') ended('host-down');
          else if (connected) {
            this.#info('Connection closed by foreign host.', conn);
            ended('reset');
          } else {
            this.#info(`telnet: Unable to connect to remote host: ${SOCKET_ERROR_TEXT[event.error]}`, conn);
            ended('failed');
          }
          this.#forget(socket);
          break;
      }
    });
  }

  /** type sends one line, as if typed and followed by Enter; `by` is who typed it. */
  type(text: string, by?: InputOrigin): void {
    if (!this.#socket) return this.#info('?Not connected');
    this.#typed(text, by);
  }

  /** close ends the connection from our side, as `^]` then `quit` would. */
  close(): void {
    if (!this.#socket) return this.#info('?Not connected');
    const socket = this.#socket;
    this.#closeOwn();
    socket.close();
    this.#info('Connection closed.', socket.conn);
    this.#emit({ kind: 'terminal.disconnected', host: this.#host, conn: socket.conn, how: 'closed' });
    this.#forget(socket);
  }

  #typed: (text: string, by: InputOrigin | undefined) => void = () => undefined;
  #closeOwn: () => void = () => undefined;

  #forget(socket: Socket): void {
    if (this.#socket === socket) this.#socket = null;
  }

  #info(text: string, conn: string | null = null): void {
    this.#line('info', text, conn);
  }

  #line(stream: 'in' | 'out' | 'info', text: string, conn: string | null): void {
    this.#emit({ kind: 'terminal.line', host: this.#host, conn, stream, text });
  }
}
