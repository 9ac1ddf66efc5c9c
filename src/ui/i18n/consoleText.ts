// The console's words: its status, prompt labels, local help and the hints it gives when a line cannot go
// anywhere. Protocol lines and telnet's own messages stay as on the wire and are not translated. Which protocol
// a port speaks and what it is called come from the protocol registry; only the words around them are here.
import type { ProtocolName } from '../../protocols/protocolNames.ts';
import type { Localized } from './languageContext.ts';

/**
 * LINE_EXAMPLES are a first line to type to each protocol's server, shown in the prompt once connected; they
 * are protocol text, the same in every language.
 */
export const LINE_EXAMPLES: Readonly<Record<ProtocolName, string>> = {
  smtp: 'HELO crepes.fr',
  pop3: 'USER bob',
  imap: 'a001 LOGIN bob hungry',
  http: 'GET / HTTP/1.1',
};

/** ConsoleText is the console's catalogue for one language. */
export interface ConsoleText {
  title: string;
  hostsLabel: string;
  idle: string;
  down: string;
  hostDown: (host: string) => string;
  connecting: (target: string, port: number) => string;
  /** connected names the protocol (its registry title) when the port speaks one. */
  connected: (target: string, port: number, protocol: string | null) => string;
  screenLabel: (host: string) => string;
  commandLabel: (host: string) => string;
  lineLabel: (target: string) => string;
  commandPlaceholder: string;
  /** linePlaceholder suggests a line for the protocol spoken (its title and an example), or any line for raw TCP. */
  linePlaceholder: (protocol: string | null, example: string | null) => string;
  disconnect: string;
  keys: string;
  empty: string;
  help: readonly string[];
  usage: string;
  /** badPort lists the service names accepted, as `smtp (25), pop3 (110)`. */
  badPort: (services: string) => string;
  badHost: string;
  notConnected: string;
  tryTelnet: string;
  alreadyConnected: (target: string) => string;
  stillConnecting: (target: string) => string;
}

/** consoleText holds the console's words in every language. */
export const consoleText: Localized<ConsoleText> = {
  en: {
    title: 'Terminal',
    hostsLabel: 'Terminal on',
    idle: 'Not connected',
    down: 'Host is down',
    hostDown: (host) => `${host} is down, so nothing runs on it. Bring it up in the fault panel first.`,
    connecting: (target, port) => `Connecting to ${target} port ${port}…`,
    connected: (target, port, protocol) =>
      `Connected to ${target} port ${port}${protocol === null ? '' : ` (${protocol})`}`,
    screenLabel: (host) => `Terminal output on ${host}`,
    commandLabel: (host) => `Command for the terminal on ${host}`,
    lineLabel: (target) => `Line to send to ${target}`,
    commandPlaceholder: 'telnet hamburger.edu 25',
    linePlaceholder: (protocol, example) =>
      protocol === null
        ? 'Type a line to send'
        : `Type a command for the ${protocol} server${example === null ? '' : `, e.g. ${example}`}`,
    disconnect: 'Disconnect',
    keys: 'Enter sends · ↑ ↓ history · Ctrl-] disconnects',
    empty:
      'No connection yet. Type telnet hamburger.edu 25 and press Enter to talk to Bob’s mail server; port 110 (POP3) or 143 (IMAP) reads Bob’s mail.',
    help: [
      'Commands, as in telnet:',
      '  telnet host port   open a TCP connection, e.g. telnet hamburger.edu 25',
      '  open host port     the same',
      '  quit, close        close the connection (or press Ctrl-])',
      '  help               this list',
      'Once connected, each line you type goes to the server as it is, ending in CRLF:',
      '  HELO crepes.fr · MAIL FROM:<alice@crepes.fr> · RCPT TO:<bob@hamburger.edu> · DATA · . · QUIT',
      'To read Bob’s mail (pull), as his mail reader would:',
      '  telnet hamburger.edu 110   POP3: USER bob · PASS hungry · STAT · LIST · RETR 1 · DELE 1 · QUIT',
      '  telnet hamburger.edu 143   IMAP: a001 LOGIN bob hungry · a002 SELECT INBOX · a003 FETCH 1 (FLAGS BODY[]) · a004 LOGOUT',
    ],
    usage: 'usage: telnet host port   (for example: telnet hamburger.edu 25)',
    badPort: (services) =>
      `telnet: the port must be a number from 1 to 65535, or one of the names ${services}`,
    badHost: 'telnet: that is not a host name; try hamburger.edu or an address such as 192.0.2.14',
    notConnected: '?Not connected, so that line went nowhere.',
    tryTelnet: 'Connect to a server first: telnet hamburger.edu 25 (type help for more)',
    alreadyConnected: (target) => `?Already connected to ${target}. Press Ctrl-] to disconnect first.`,
    stillConnecting: (target) => `Still connecting to ${target}; wait for “Connected to ${target}.”`,
  },
  ko: {
    title: '터미널',
    hostsLabel: '터미널 위치',
    idle: '연결 안 됨',
    down: '호스트 꺼짐',
    hostDown: (host) =>
      `${host}이(가) 꺼져 있어 아무것도 실행할 수 없습니다. 먼저 장애 패널에서 다시 켜세요.`,
    connecting: (target, port) => `${target} ${port}번 포트에 연결하는 중…`,
    connected: (target, port, protocol) =>
      `${target} ${port}번 포트${protocol === null ? '' : `(${protocol})`}에 연결됨`,
    screenLabel: (host) => `${host} 터미널 출력`,
    commandLabel: (host) => `${host} 터미널에 입력할 명령`,
    lineLabel: (target) => `${target}에 보낼 줄`,
    commandPlaceholder: 'telnet hamburger.edu 25',
    linePlaceholder: (protocol, example) =>
      protocol === null
        ? '보낼 줄을 입력하세요'
        : `${protocol} 서버에 보낼 명령을 입력하세요${example === null ? '' : `. 예: ${example}`}`,
    disconnect: '연결 끊기',
    keys: 'Enter 보내기 · ↑ ↓ 이전 명령 · Ctrl-] 연결 끊기',
    empty:
      '아직 연결이 없습니다. telnet hamburger.edu 25를 입력하고 Enter를 누르면 밥의 메일 서버와 대화할 수 있습니다. 110번(POP3)이나 143번(IMAP) 포트로는 밥의 메일을 가져옵니다.',
    help: [
      'telnet과 같은 명령:',
      '  telnet 호스트 포트   TCP 연결 열기. 예: telnet hamburger.edu 25',
      '  open 호스트 포트     위와 같음',
      '  quit, close         연결 닫기 (Ctrl-]도 됨)',
      '  help                이 목록',
      '연결된 뒤에는 입력한 줄이 그대로, 끝에 CRLF를 붙여 서버로 갑니다:',
      '  HELO crepes.fr · MAIL FROM:<alice@crepes.fr> · RCPT TO:<bob@hamburger.edu> · DATA · . · QUIT',
      '밥의 메일 클라이언트처럼 밥의 메일을 가져오려면(풀):',
      '  telnet hamburger.edu 110   POP3: USER bob · PASS hungry · STAT · LIST · RETR 1 · DELE 1 · QUIT',
      '  telnet hamburger.edu 143   IMAP: a001 LOGIN bob hungry · a002 SELECT INBOX · a003 FETCH 1 (FLAGS BODY[]) · a004 LOGOUT',
    ],
    usage: '사용법: telnet 호스트 포트   (예: telnet hamburger.edu 25)',
    badPort: (services) =>
      `telnet: 포트는 1부터 65535까지의 숫자이거나 다음 이름 중 하나여야 합니다: ${services}`,
    badHost: 'telnet: 호스트 이름이 아닙니다. hamburger.edu나 192.0.2.14 같은 주소를 입력해 보세요',
    notConnected: '?연결되어 있지 않아서 이 줄은 아무 데도 가지 않았습니다.',
    tryTelnet: '먼저 서버에 연결하세요: telnet hamburger.edu 25 (자세한 내용은 help)',
    alreadyConnected: (target) => `?이미 ${target}에 연결되어 있습니다. 먼저 Ctrl-]로 연결을 끊으세요.`,
    stillConnecting: (target) =>
      `아직 ${target}에 연결하는 중입니다. “Connected to ${target}.”가 나올 때까지 기다리세요.`,
  },
};
