// The words of the lab's controls: the compose form, the fault panel, the scenario picker and its sandbox
// builder. SMTP codes, commands and host names stay as on the wire; only what explains them is translated.
import type { AddressProblem } from '../lab/addressList.ts';
import type { FaultReplyId } from '../lab/faultReplies.ts';
import type { FaultPhase } from '../../sim/faultLife.ts';
import type { Localized } from './languageContext.ts';

/** SmtpStageName is a point of an SMTP session where a fault can replace the server's reply. */
export type SmtpStageName = 'greeting' | 'helo' | 'mail' | 'rcpt' | 'data' | 'data-end';

/** HostKindName is a scenario host's kind. */
export type HostKindName = 'host' | 'router' | 'user-agent' | 'mail-server' | 'dns-server';

/** ComposeText is the compose form's catalogue. */
export interface ComposeText {
  title: string;
  /** device names the chooser of the user agent a message is written on, when a scenario has several. */
  device: string;
  from: string;
  to: string;
  cc: string;
  bcc: string;
  subject: string;
  body: string;
  addressHint: string;
  bccHint: string;
  problem: (entry: string, problem: AddressProblem) => string;
  needRecipient: string;
  attachments: string;
  addText: string;
  chooseFile: string;
  filename: string;
  attachmentText: string;
  attach: string;
  cancel: string;
  remove: (filename: string) => string;
  needFilename: string;
  size: (chars: number) => string;
  bytes: (bytes: number) => string;
  tooLarge: (filename: string, kb: number, limitKb: number) => string;
  direct: string;
  directHelp: string;
  send: string;
  sent: (time: string, server: string) => string;
  sentDirect: (time: string) => string;
}

/** FaultText is the fault panel's catalogue. */
export interface FaultText {
  title: string;
  intro: string;
  hosts: string;
  kinds: Readonly<Record<HostKindName, string>>;
  up: string;
  down: string;
  crash: string;
  shutdown: string;
  bringUp: string;
  hostHelp: string;
  dnsHelp: string;
  mailServers: string;
  smtpService: string;
  stopSmtp: string;
  startSmtp: string;
  serviceHelp: string;
  reply: string;
  code: string;
  stage: string;
  every: string;
  replyText: string;
  replyTextPlaceholder: string;
  apply: string;
  replyHelp: string;
  /** replies name the fault replies the panel offers, by catalogue id; replyText.ts explains them to students. */
  replies: Readonly<Record<FaultReplyId, string>>;
  stages: Readonly<Record<SmtpStageName, string>>;
  drop: string;
  dropHelp: string;
  normal: string;
  normalHelp: string;
  flush: string;
  flushHelp: string;
  connections: string;
  reuse: string;
  noReuse: string;
  reuseHelp: string;
  queued: (count: number) => string;
  links: string;
  cut: string;
  mend: string;
  linkHelp: string;
  latency: string;
  jitter: string;
  loss: string;
  applyLink: string;
  applied: (what: string) => string;
  /** lasting heads the choice of how long the next lasting fault stays in force; `untilUndone` is no limit. */
  lasting: string;
  untilUndone: string;
  lastingHelp: string;
  /** injected heads the list of faults people injected, each removable. */
  injected: string;
  noneInjected: string;
  scenarioFaults: (count: number) => string;
  phases: Readonly<Record<FaultPhase, string>>;
  /** span says when a fault is in force: from `from` to `to` (null: until undone). */
  span: (from: string, to: string | null) => string;
  endNow: string;
  remove: string;
  removed: (what: string) => string;
  ended: (what: string) => string;
}

/** PickerText is the scenario picker's catalogue, sandbox builder included. */
export interface PickerText {
  title: string;
  tabs: { builtIn: string; file: string; sandbox: string };
  current: string;
  open: string;
  fileIntro: string;
  chooseFile: string;
  paste: string;
  load: string;
  nothingToLoad: string;
  unreadable: (name: string) => string;
  invalid: (count: number) => string;
  loaded: (title: string) => string;
  sandboxIntro: string;
  hostsHeading: string;
  hostId: string;
  kind: string;
  addHost: string;
  users: string;
  usersHint: string;
  userAgent: string;
  userAgentAddress: string;
  server: string;
  none: string;
  linksHeading: string;
  from: string;
  to: string;
  latency: string;
  addLink: string;
  remove: (what: string) => string;
  noHosts: string;
  noLinks: string;
  start: string;
  problems: string;
}

/** ControlsText is the controls' catalogue for one language. */
export interface ControlsText {
  compose: ComposeText;
  faults: FaultText;
  picker: PickerText;
}

const PROBLEM_EN: Record<AddressProblem, string> = {
  'no-at': 'has no @; write it as name@domain, e.g. bob@hamburger.edu',
  'many-at': 'has more than one @',
  local: 'has a bad name before the @ (letters, digits and . _ - +, no dot at either end)',
  domain: 'has a bad domain after the @ (such as hamburger.edu)',
  'non-ascii': 'must use Latin letters only; the lab’s servers do not take other scripts in addresses',
  spaces: 'must not contain spaces (separate addresses with commas)',
};

const PROBLEM_KO: Record<AddressProblem, string> = {
  'no-at': '@가 없습니다. bob@hamburger.edu처럼 이름@도메인으로 쓰세요',
  'many-at': '@가 두 개 이상입니다',
  local: '@ 앞의 이름이 올바르지 않습니다 (영문자, 숫자, . _ - +만, 점으로 시작하거나 끝나면 안 됨)',
  domain: '@ 뒤의 도메인이 올바르지 않습니다 (예: hamburger.edu)',
  'non-ascii': '영문자만 쓸 수 있습니다. 실습 서버는 주소에 한글 등을 받지 않습니다',
  spaces: '공백이 있으면 안 됩니다 (주소는 쉼표로 구분하세요)',
};

/** controlsText holds the controls' words in every language. */
export const controlsText: Localized<ControlsText> = {
  en: {
    compose: {
      title: 'New message',
      device: 'Write on',
      from: 'From',
      to: 'To',
      cc: 'Cc',
      bcc: 'Bcc',
      subject: 'Subject',
      body: 'Message',
      addressHint: 'Separate addresses with commas.',
      bccHint: 'Bcc recipients get the message but are not named in it.',
      problem: (entry, problem) => `“${entry}” ${PROBLEM_EN[problem]}.`,
      needRecipient: 'Add at least one recipient in To, Cc or Bcc.',
      attachments: 'Attachments',
      addText: 'Write a text attachment',
      chooseFile: 'Attach a file…',
      filename: 'File name',
      attachmentText: 'Contents',
      attach: 'Attach',
      cancel: 'Cancel',
      remove: (filename) => `Remove ${filename}`,
      needFilename: 'Give the attachment a file name.',
      size: (chars) => `${chars} characters`,
      bytes: (bytes) => `${bytes.toLocaleString('en')} bytes`,
      tooLarge: (filename, kb, limitKb) =>
        `${filename} (${kb} KB) was not attached: the lab keeps everything you do in the page's address, which holds files of up to ${limitKb} KB.`,
      direct: 'Send directly to the recipient’s server (no queue)',
      directHelp:
        'The textbook asks why Alice’s user agent doesn’t deliver to Bob’s server itself. Tick this to try: it looks up the recipient’s server in DNS and connects there, skipping her own server and its queue. If that server is down, nobody retries — the send just fails.',
      send: 'Send',
      sent: (time, server) =>
        `Sent at ${time} — watch it travel: user agent → ${server}’s queue → the recipient’s mailbox.`,
      sentDirect: (time) =>
        `Sent at ${time}, straight to the recipient’s server — watch whether it gets there.`,
    },
    faults: {
      title: 'Faults',
      intro:
        'Break things live. A fault is written into the input log at the cursor’s time and stays there: stepping back does not undo it, and playing forward applies it again. To undo a fault, remove it from the list of injected faults: the world is then recomputed as if it had never happened.',
      hosts: 'Hosts',
      kinds: {
        host: 'host',
        router: 'router',
        'user-agent': 'user agent',
        'mail-server': 'mail server',
        'dns-server': 'DNS server',
      },
      up: 'Up',
      down: 'Down',
      crash: 'Crash',
      shutdown: 'Shut down',
      bringUp: 'Bring up',
      hostHelp:
        'Crash is a power cut: the host stops at once and its connections go silent. Shut down is orderly: a mail server first answers 421 to its clients. A host brought back up restarts its services.',
      dnsHelp: 'With the DNS server down no name resolves, so mail cannot find the recipient’s server.',
      mailServers: 'Mail servers',
      smtpService: 'SMTP service',
      stopSmtp: 'Stop SMTP',
      startSmtp: 'Start SMTP',
      serviceHelp: 'The host stays up but nothing listens on port 25: connections are refused.',
      reply: 'Answer with a chosen code',
      code: 'Code',
      stage: 'At',
      every: 'Every n-th time',
      replyText: 'Text',
      replyTextPlaceholder: 'optional',
      apply: 'Apply',
      replyHelp:
        'The server answers this step with the code instead of its usual reply. 4xx is transient: the sender keeps the message and retries later. 5xx is permanent: the sender gives up and bounces it.',
      replies: {
        'smtp.fault.unavailable': 'service not available, closing the connection',
        'smtp.fault.mailboxBusy': 'mailbox busy, try again later',
        'smtp.fault.localError': 'local error in processing, try again later',
        'smtp.fault.insufficientStorage': 'insufficient storage, try again later',
        'smtp.fault.mailboxUnavailable': 'no such mailbox (permanent)',
        'smtp.fault.storageExceeded': 'mailbox full: storage exceeded (permanent)',
        'smtp.fault.transactionFailed': 'transaction failed (permanent)',
      },
      stages: {
        greeting: 'greeting (on connect)',
        helo: 'HELO / EHLO',
        mail: 'MAIL FROM',
        rcpt: 'RCPT TO',
        data: 'DATA',
        'data-end': 'the final “.” of the message',
      },
      drop: 'Drop the reply to the final “.”',
      dropHelp:
        'The server keeps the message but its 250 never arrives; the sender, not knowing, sends again later — a duplicate.',
      normal: 'Behave normally',
      normalHelp: 'Forget chosen codes and dropped replies.',
      flush: 'Retry the queue now',
      flushHelp: 'Try every waiting message now instead of at its next retry time.',
      connections: 'Connections',
      reuse: 'Reuse connections',
      noReuse: 'One connection per message',
      reuseHelp:
        'Keep a connection to a destination open for its next messages (Postfix’s connection cache): an RSET checks it, then MAIL FROM starts the next message. Or open a new one for each message.',
      queued: (count) => (count === 1 ? '1 message waiting' : `${count} messages waiting`),
      links: 'Links',
      cut: 'Cut',
      mend: 'Mend',
      linkHelp:
        'A cut link loses every segment until it is mended, and TCP retransmits. Latency delays each segment, jitter varies the delay, loss drops a share of them at random. New settings replace the ones in force; setting the link’s own values again just ends the earlier setting.',
      latency: 'Latency',
      jitter: 'Jitter',
      loss: 'Loss',
      applyLink: 'Apply',
      applied: (what) => `Applied: ${what}`,
      lasting: 'How long',
      untilUndone: 'until undone',
      lastingHelp:
        'For a crash, a shutdown, stopped SMTP, a chosen code or refusal, a cut link and link settings. When the time is up the fault ends by itself: the host comes back up, SMTP starts again, the server answers normally, the link is mended or gets back its own latency, jitter and loss.',
      injected: 'Injected faults',
      noneInjected: 'None yet. Faults you inject appear here, each with a button to remove it.',
      scenarioFaults: (count) =>
        `The scenario itself schedules ${count === 1 ? 'a fault' : `${count} faults`}; ${count === 1 ? 'it is' : 'they are'} part of the story and not listed here.`,
      phases: { upcoming: 'later', on: 'in force', over: 'over' },
      span: (from, to) => (to === null ? `from ${from}, until undone` : `${from} → ${to}`),
      endNow: 'End now',
      remove: 'Remove',
      removed: (what) => `Removed: ${what}. The world was recomputed without it.`,
      ended: (what) => `Ended at the cursor: ${what}`,
    },
    picker: {
      title: 'Scenario',
      tabs: { builtIn: 'Built-in', file: 'Load a file', sandbox: 'Empty sandbox' },
      current: 'Current',
      open: 'Open',
      fileIntro: 'A scenario file is JSON in Mail Lab’s scenario format. Choose a file or paste its text.',
      chooseFile: 'Choose a file…',
      paste: 'Scenario text (JSON)',
      load: 'Load',
      nothingToLoad: 'Choose a file or paste a scenario first.',
      unreadable: (name) => `Could not read ${name}.`,
      invalid: (count) =>
        count === 1 ? 'This scenario has 1 problem:' : `This scenario has ${count} problems:`,
      loaded: (title) => `Loaded “${title}”.`,
      sandboxIntro:
        'Build a world from nothing: add hosts, give mail servers users and a PC a user agent, then join hosts with links. Mail servers are found through DNS by their names.',
      hostsHeading: 'Hosts',
      hostId: 'Host name',
      kind: 'Kind',
      addHost: 'Add host',
      users: 'Users',
      usersHint: 'comma-separated, e.g. bob, carol',
      userAgent: 'User agent',
      userAgentAddress: 'Address',
      server: 'Mail server',
      none: '(none)',
      linksHeading: 'Links',
      from: 'Between',
      to: 'and',
      latency: 'Latency (ms)',
      addLink: 'Add link',
      remove: (what) => `Remove ${what}`,
      noHosts: 'No hosts yet.',
      noLinks: 'No links yet.',
      start: 'Start this world',
      problems: 'To fix before it can start:',
    },
  },
  ko: {
    compose: {
      title: '새 메시지',
      device: '쓰는 기기',
      from: '보내는 사람',
      to: '받는 사람',
      cc: '참조',
      bcc: '숨은 참조',
      subject: '제목',
      body: '본문',
      addressHint: '주소가 여러 개면 쉼표로 구분하세요.',
      bccHint: '숨은 참조로 받는 사람은 메시지를 받지만 메시지에 이름이 나오지 않습니다.',
      problem: (entry, problem) => `“${entry}”: ${PROBLEM_KO[problem]}.`,
      needRecipient: '받는 사람, 참조, 숨은 참조 중 한 곳에 주소를 하나 이상 넣으세요.',
      attachments: '첨부 파일',
      addText: '텍스트 첨부 파일 쓰기',
      chooseFile: '파일 첨부…',
      filename: '파일 이름',
      attachmentText: '내용',
      attach: '첨부',
      cancel: '취소',
      remove: (filename) => `${filename} 빼기`,
      needFilename: '첨부 파일의 이름을 넣으세요.',
      size: (chars) => `${chars}자`,
      bytes: (bytes) => `${bytes.toLocaleString('ko')}바이트`,
      tooLarge: (filename, kb, limitKb) =>
        `${filename}(${kb}KB) 파일은 첨부하지 않았습니다. 실습에서 한 일은 모두 페이지 주소에 저장되는데, 주소에는 ${limitKb}KB까지의 파일만 담을 수 있습니다.`,
      direct: '받는 사람의 서버로 바로 보내기 (큐 없이)',
      directHelp:
        '교재는 앨리스의 사용자 에이전트가 왜 밥의 서버로 직접 보내지 않는지 묻습니다. 이 상자를 선택하면 직접 해 볼 수 있습니다. 사용자 에이전트가 DNS에서 받는 사람의 서버를 찾아 바로 연결하므로 앨리스의 서버와 그 큐를 거치지 않습니다. 그 서버가 꺼져 있으면 아무도 재시도하지 않아 보내기는 그대로 실패합니다.',
      send: '보내기',
      sent: (time, server) =>
        `${time}에 보냈습니다. 사용자 에이전트 → ${server}의 큐 → 받는 사람의 메일박스로 가는 길을 지켜보세요.`,
      sentDirect: (time) => `${time}에 받는 사람의 서버로 바로 보냈습니다. 도착하는지 지켜보세요.`,
    },
    faults: {
      title: '장애',
      intro:
        '실시간으로 장애를 일으킵니다. 장애는 커서 시각에 입력 기록으로 남습니다. 앞으로 되돌아가도 취소되지 않고, 다시 재생하면 또 일어납니다. 장애를 취소하려면 ‘주입한 장애’ 목록에서 삭제하세요. 그 장애가 처음부터 없었던 것처럼 전체가 다시 계산됩니다.',
      hosts: '호스트',
      kinds: {
        host: '호스트',
        router: '라우터',
        'user-agent': '사용자 에이전트',
        'mail-server': '메일 서버',
        'dns-server': 'DNS 서버',
      },
      up: '켜짐',
      down: '꺼짐',
      crash: '강제 종료',
      shutdown: '서버 중단',
      bringUp: '다시 켜기',
      hostHelp:
        '강제 종료는 전원이 나간 것처럼 호스트가 바로 멈추고 연결이 조용히 끊깁니다. 서버 중단은 정상 종료로, 메일 서버가 먼저 클라이언트에게 421로 알립니다. 다시 켜면 서비스도 다시 시작합니다.',
      dnsHelp: 'DNS 서버가 꺼지면 이름을 찾을 수 없어 메일이 받는 사람의 서버를 찾지 못합니다.',
      mailServers: '메일 서버',
      smtpService: 'SMTP 서비스',
      stopSmtp: 'SMTP 중지',
      startSmtp: 'SMTP 시작',
      serviceHelp: '호스트는 켜져 있지만 25번 포트에서 아무도 기다리지 않아 연결이 거부됩니다.',
      reply: '정한 코드로 응답하기',
      code: '코드',
      stage: '단계',
      every: 'n번에 한 번',
      replyText: '문구',
      replyTextPlaceholder: '선택 사항',
      apply: '적용',
      replyHelp:
        '서버가 이 단계에서 평소 응답 대신 이 코드로 답합니다. 4xx는 일시적 실패라 보내는 쪽이 메시지를 큐에 두고 나중에 재시도합니다. 5xx는 영구 실패라 보내는 쪽이 포기하고 반송합니다.',
      replies: {
        'smtp.fault.unavailable': '서비스를 쓸 수 없음, 연결을 닫음',
        'smtp.fault.mailboxBusy': '메일박스를 쓸 수 없음, 나중에 다시 시도',
        'smtp.fault.localError': '처리 중 오류, 나중에 다시 시도',
        'smtp.fault.insufficientStorage': '저장 공간 부족, 나중에 다시 시도',
        'smtp.fault.mailboxUnavailable': '없는 메일박스 (영구 실패)',
        'smtp.fault.storageExceeded': '메일박스 용량 초과 (영구 실패)',
        'smtp.fault.transactionFailed': '트랜잭션 실패 (영구 실패)',
      },
      stages: {
        greeting: '인사 (연결 직후)',
        helo: 'HELO / EHLO',
        mail: 'MAIL FROM',
        rcpt: 'RCPT TO',
        data: 'DATA',
        'data-end': '메시지 끝의 “.”',
      },
      drop: '마지막 “.”에 대한 응답 버리기',
      dropHelp:
        '서버는 메시지를 저장하지만 250 응답이 도착하지 않습니다. 이를 모르는 보내는 쪽이 나중에 다시 보내서 메시지가 중복됩니다.',
      normal: '정상으로 되돌리기',
      normalHelp: '정한 코드와 응답 버리기를 모두 없앱니다.',
      flush: '지금 큐 재시도',
      flushHelp: '기다리는 메시지를 다음 재시도 시각까지 기다리지 않고 지금 보냅니다.',
      connections: '연결',
      reuse: '연결 재사용',
      noReuse: '메시지마다 새 연결',
      reuseHelp:
        '같은 목적지로 가는 다음 메시지를 위해 연결을 열어 둡니다(Postfix의 연결 캐시). RSET으로 연결이 살아 있는지 확인한 뒤 MAIL FROM으로 다음 메시지를 시작합니다. 아니면 메시지마다 연결을 새로 엽니다.',
      queued: (count) => `메시지 ${count}개 대기 중`,
      links: '링크',
      cut: '링크 끊기',
      mend: '링크 잇기',
      linkHelp:
        '끊긴 링크는 다시 이을 때까지 모든 세그먼트를 잃고, TCP가 재전송합니다. 지연은 세그먼트마다 시간을 더하고, 지터는 지연을 들쭉날쭉하게 하며, 손실은 일부를 무작위로 버립니다. 새 설정은 지금 설정을 대신합니다. 링크의 원래 값으로 되돌리면 이전 설정이 끝날 뿐 새 장애가 더해지지 않습니다.',
      latency: '지연',
      jitter: '지터',
      loss: '손실',
      applyLink: '적용',
      applied: (what) => `적용함: ${what}`,
      lasting: '지속 시간',
      untilUndone: '직접 끝낼 때까지',
      lastingHelp:
        '강제 종료, 서버 중단, SMTP 중지, 정한 코드로 응답하기와 명령 거부, 링크 끊기와 링크 설정에 적용됩니다. 시간이 다 되면 장애가 저절로 끝납니다. 호스트가 다시 켜지고, SMTP가 다시 시작하고, 서버가 정상 응답하고, 링크가 복구되거나 원래의 지연·지터·손실로 돌아갑니다.',
      injected: '주입한 장애',
      noneInjected: '아직 없습니다. 장애를 주입하면 여기에 나오고, 하나씩 삭제할 수 있습니다.',
      scenarioFaults: (count) =>
        `시나리오에 예약된 장애 ${count}개는 이야기의 일부라서 여기에 나오지 않습니다.`,
      phases: { upcoming: '예정', on: '진행 중', over: '끝남' },
      span: (from, to) => (to === null ? `${from}부터, 직접 끝낼 때까지` : `${from} → ${to}`),
      endNow: '지금 끝내기',
      remove: '삭제',
      removed: (what) => `삭제함: ${what}. 이 장애 없이 다시 계산했습니다.`,
      ended: (what) => `커서 시각에 끝냄: ${what}`,
    },
    picker: {
      title: '시나리오',
      tabs: { builtIn: '기본 시나리오', file: '파일 불러오기', sandbox: '빈 샌드박스' },
      current: '현재',
      open: '열기',
      fileIntro: '시나리오 파일은 Mail Lab 시나리오 형식의 JSON입니다. 파일을 고르거나 내용을 붙여 넣으세요.',
      chooseFile: '파일 고르기…',
      paste: '시나리오 내용 (JSON)',
      load: '불러오기',
      nothingToLoad: '먼저 파일을 고르거나 시나리오를 붙여 넣으세요.',
      unreadable: (name) => `${name} 파일을 읽을 수 없습니다.`,
      invalid: (count) => `이 시나리오에 문제가 ${count}개 있습니다:`,
      loaded: (title) => `“${title}” 시나리오를 불러왔습니다.`,
      sandboxIntro:
        '빈 곳에서 세상을 만듭니다. 호스트를 더하고, 메일 서버에 사용자를, PC에 사용자 에이전트를 준 다음 링크로 호스트를 이으세요. 메일 서버는 이름으로 DNS에서 찾습니다.',
      hostsHeading: '호스트',
      hostId: '호스트 이름',
      kind: '종류',
      addHost: '호스트 추가',
      users: '사용자',
      usersHint: '쉼표로 구분, 예: bob, carol',
      userAgent: '사용자 에이전트',
      userAgentAddress: '주소',
      server: '메일 서버',
      none: '(없음)',
      linksHeading: '링크',
      from: '연결',
      to: '—',
      latency: '지연 (ms)',
      addLink: '링크 추가',
      remove: (what) => `${what} 빼기`,
      noHosts: '아직 호스트가 없습니다.',
      noLinks: '아직 링크가 없습니다.',
      start: '이 세상으로 시작',
      problems: '시작하기 전에 고칠 것:',
    },
  },
};
