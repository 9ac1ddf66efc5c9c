// The words of the Read mail panel and of the reading faults: choosing a device and a protocol, getting mail,
// and what the device then has. Commands, flags and folder names stay as on the wire; Korean uses the course's
// terms (다운로드하고 삭제 / 다운로드하고 유지, 부분 다운로드).
import type { Localized } from './languageContext.ts';

/** ReadText is the Read mail panel's catalogue. */
export interface ReadText {
  title: string;
  intro: string;
  device: string;
  protocol: string;
  pop3Name: string;
  imapName: string;
  mode: string;
  modeDelete: string;
  modeKeep: string;
  modeDeleteHelp: string;
  modeKeepHelp: string;
  imapHelp: string;
  getMail: string;
  fetching: (protocol: string) => string;
  fetched: (protocol: string, count: number, time: string) => string;
  fetchFailed: (protocol: string, detail: string) => string;
  downloaded: string;
  noDownloads: string;
  from: string;
  subject: string;
  date: string;
  size: (octets: number) => string;
  noSubject: string;
  attachmentsLabel: string;
  show: string;
  hide: string;
  noText: string;
  folders: string;
  folderNotListed: string;
  /** fetchFolder labels the button that fetches a folder's headers over IMAP. */
  fetchFolder: (folder: string) => string;
  noImap: string;
  emptyFolder: string;
  newMail: (count: number) => string;
  unread: string;
  flagged: string;
  deleted: string;
  open: string;
  opened: string;
  notOpened: string;
  flag: string;
  unflag: string;
  moveTo: string;
  move: string;
  delete: string;
  deleteHelp: string;
  attachment: (name: string, size: string) => string;
  fetchPart: string;
  fetchMore: string;
  partial: (octets: string, total: string) => string;
  whole: string;
  search: string;
  searchLabel: string;
  searchHits: (query: string, count: number) => string;
  /** jobFailed: an IMAP command or job that did not work, and why (failureText's words). */
  jobFailed: (verb: string, why: string) => string;
  asked: string;
  webName: string;
  webHelp: string;
  webOpen: (site: string) => string;
  webUser: string;
  webPassword: string;
  webLogin: string;
  webLoading: string;
  webShown: (status: string, objects: number, bytes: number) => string;
  webFailed: (detail: string) => string;
  webNoPage: string;
  webPage: string;
  webLinks: string;
  webCompose: string;
  webTo: string;
  webBody: string;
  webSend: string;
  /** webFilled says the form's fields came from the page's own form (a reply's To and Subject). */
  webFilled: string;
}

/** ReadFaultText is the words of the reading faults, in the fault panel beside each mail server's SMTP faults. */
export interface ReadFaultText {
  pop3: string;
  pop3Help: string;
  imap: string;
  imapHelp: string;
  command: string;
  every: string;
  text: string;
  textPlaceholder: string;
  force: string;
  normal: string;
  forced: (server: string, protocol: string, answer: string, command: string) => string;
  back: (server: string, protocol: string) => string;
}

function sizeEn(octets: number): string {
  if (octets >= 1_000_000) return `${(octets / 1_000_000).toFixed(1)} MB`;
  if (octets >= 1000) return `${(octets / 1000).toFixed(1)} kB`;
  return `${octets} bytes`;
}

function sizeKo(octets: number): string {
  if (octets >= 1_000_000) return `${(octets / 1_000_000).toFixed(1)}MB`;
  if (octets >= 1000) return `${(octets / 1000).toFixed(1)}KB`;
  return `${octets}바이트`;
}

/** readText holds the Read mail panel's words in English and Korean. */
export const readText: Localized<ReadText> = {
  en: {
    title: 'Read mail',
    intro: 'Pick the device Bob reads on and how it pulls mail from its server, then get mail.',
    device: 'Device',
    protocol: 'Protocol',
    pop3Name: 'POP3',
    imapName: 'IMAP',
    mode: 'POP3 mode',
    modeDelete: 'Download and delete',
    modeKeep: 'Download and keep',
    modeDeleteHelp:
      'Download and delete brings each message to this device and removes it from the server, so another device will not find it.',
    modeKeepHelp:
      'Download and keep leaves the messages on the server and remembers their UIDL, so the next visit skips what it already has.',
    imapHelp:
      'IMAP keeps the mail on the server: the device lists the folders and fetches only the headers until a message is opened.',
    getMail: 'Get mail',
    fetching: (protocol) => `Asking the server over ${protocol}…`,
    fetched: (protocol, count, time) =>
      `${protocol} at ${time}: ${count === 1 ? '1 message' : `${count} messages`}.`,
    fetchFailed: (protocol, detail) => `${protocol} failed: ${detail}`,
    downloaded: 'Downloaded to this device',
    noDownloads: 'Nothing downloaded yet.',
    from: 'From',
    subject: 'Subject',
    date: 'Date',
    size: sizeEn,
    noSubject: '(no subject)',
    attachmentsLabel: 'Attachments',
    show: 'Show',
    hide: 'Hide',
    noText: 'This message has no plain text part.',
    folders: 'Folders',
    folderNotListed:
      'The server was not asked for this folder’s messages yet: only those this device moved here are shown.',
    fetchFolder: (folder) => `Get the headers of ${folder}`,
    noImap: 'Nothing read over IMAP yet. Choose IMAP and get mail.',
    emptyFolder: 'No messages.',
    newMail: (count) =>
      `The server says ${count === 1 ? '1 new message has' : `${count} new messages have`} arrived. Get mail to see the headers.`,
    unread: 'unread',
    flagged: 'flagged',
    deleted: 'marked deleted',
    open: 'Open',
    opened: 'Opened',
    notOpened: 'Only the headers are on this device. Open fetches the text part and sets \\Seen.',
    flag: 'Flag',
    unflag: 'Unflag',
    moveTo: 'Move to',
    move: 'Move',
    delete: 'Delete',
    deleteHelp: 'Delete moves the message to Trash.',
    attachment: (name, size) => `${name} (${size})`,
    fetchPart: 'Fetch attachment',
    fetchMore: 'Fetch next piece',
    partial: (octets, total) =>
      `Partial fetch: ${octets} of ${total} on this device. A large part comes a piece at a time, only when asked for.`,
    whole: 'Fetched whole.',
    search: 'Search',
    searchLabel: 'Search the open folder’s text',
    searchHits: (query, count) =>
      `“${query}”: ${count === 0 ? 'no messages' : count === 1 ? '1 message' : `${count} messages`} (marked ●).`,
    jobFailed: (verb, why) => `${verb} did not work: ${why}`,
    asked: 'Asked. The answer arrives in the trace as the world runs.',
    webName: 'Webmail (HTTP)',
    webHelp:
      'The browser pulls each page from the webmail with an HTTP request, while the mail servers still push mail to each other with SMTP.',
    webOpen: (site) => `Open ${site}`,
    webUser: 'User',
    webPassword: 'Password',
    webLogin: 'Log in',
    webLoading: 'The browser is loading the page…',
    webShown: (status, objects, bytes) =>
      `${status} · ${objects} ${objects === 1 ? 'object' : 'objects'}, ${bytes} B`,
    webFailed: (detail) => `The page did not load: ${detail}`,
    webNoPage: 'No page yet: open the webmail.',
    webPage: 'Page the browser shows',
    webLinks: 'Links on the page',
    webCompose: 'Write with the webmail',
    webTo: 'To',
    webBody: 'Text',
    webSend: 'Send',
    webFilled:
      'Filled in from the page’s form: the sender to answer and “Re:” the subject. Change them if you like.',
  },
  ko: {
    title: '메일 읽기',
    intro: '메일을 읽을 기기와 서버에서 메일을 가져올 방식을 고른 뒤 메일을 가져오세요.',
    device: '기기',
    protocol: '프로토콜',
    pop3Name: 'POP3',
    imapName: 'IMAP',
    mode: 'POP3 방식',
    modeDelete: '다운로드하고 삭제',
    modeKeep: '다운로드하고 유지',
    modeDeleteHelp:
      '다운로드하고 삭제는 메일을 이 기기로 가져온 뒤 서버에서 지웁니다. 그래서 다른 기기에서는 그 메일을 찾을 수 없습니다.',
    modeKeepHelp:
      '다운로드하고 유지는 메일을 서버에 남겨 두고 UIDL을 기억해서, 다음에 가져올 때 이미 받은 메일은 건너뜁니다.',
    imapHelp:
      'IMAP은 메일을 서버에 그대로 둡니다. 기기는 폴더 목록과 헤더만 가져오고, 메일을 열 때 본문을 가져옵니다.',
    getMail: '메일 가져오기',
    fetching: (protocol) => `서버에 묻는 중… (${protocol})`,
    fetched: (protocol, count, time) => `${time} ${protocol}: 메일 ${count}통.`,
    fetchFailed: (protocol, detail) => `${protocol} 실패: ${detail}`,
    downloaded: '이 기기로 받은 메일',
    noDownloads: '아직 받은 메일이 없습니다.',
    from: '보낸 사람',
    subject: '제목',
    date: '날짜',
    size: sizeKo,
    noSubject: '(제목 없음)',
    attachmentsLabel: '첨부 파일',
    show: '보기',
    hide: '접기',
    noText: '이 메일에는 일반 텍스트 본문이 없습니다.',
    folders: '폴더',
    folderNotListed:
      '아직 서버에 이 폴더의 메일 목록을 묻지 않았습니다. 이 기기에서 옮겨 온 메일만 보입니다.',
    fetchFolder: (folder) => `${folder} 폴더의 헤더 가져오기`,
    noImap: '아직 IMAP으로 읽은 것이 없습니다. IMAP을 고르고 메일을 가져오세요.',
    emptyFolder: '메일이 없습니다.',
    newMail: (count) =>
      `새 메일 ${count}통이 도착했다고 서버가 알려 왔습니다. 메일을 가져오면 헤더가 보입니다.`,
    unread: '읽지 않음',
    flagged: '깃발 표시',
    deleted: '삭제 표시',
    open: '열기',
    opened: '열어 봄',
    notOpened: '이 기기에는 헤더만 있습니다. 열기를 누르면 본문을 가져오고 \\Seen 표시를 합니다.',
    flag: '깃발 달기',
    unflag: '깃발 떼기',
    moveTo: '옮길 폴더',
    move: '옮기기',
    delete: '삭제',
    deleteHelp: '삭제하면 메일이 휴지통(Trash)으로 옮겨집니다.',
    attachment: (name, size) => `${name} (${size})`,
    fetchPart: '첨부 파일 가져오기',
    fetchMore: '다음 조각 가져오기',
    partial: (octets, total) =>
      `부분 다운로드: ${total} 중 ${octets}을 받았습니다. 큰 첨부 파일은 요청할 때만 조각조각 가져옵니다.`,
    whole: '전체를 받았습니다.',
    search: '검색',
    searchLabel: '열린 폴더의 본문 검색',
    searchHits: (query, count) =>
      count === 0 ? `“${query}”: 찾은 메일이 없습니다.` : `“${query}”: 메일 ${count}통 (● 표시).`,
    jobFailed: (verb, why) => `${verb} 실패: ${why}`,
    asked: '요청했습니다. 시뮬레이션이 진행되면 결과가 트레이스에 나타납니다.',
    webName: '웹메일(HTTP)',
    webHelp:
      '브라우저는 페이지마다 HTTP 요청으로 웹메일에서 풀하고, 메일 서버끼리는 여전히 SMTP로 메일을 푸시합니다.',
    webOpen: (site) => `${site} 열기`,
    webUser: '사용자',
    webPassword: '비밀번호',
    webLogin: '로그인',
    webLoading: '브라우저가 페이지를 불러오는 중…',
    webShown: (status, objects, bytes) => `${status} · 객체 ${objects}개, ${bytes}바이트`,
    webFailed: (detail) => `페이지를 불러오지 못했습니다: ${detail}`,
    webNoPage: '아직 페이지가 없습니다. 웹메일을 여세요.',
    webPage: '브라우저에 보이는 페이지',
    webLinks: '페이지의 링크',
    webCompose: '웹메일로 쓰기',
    webTo: '받는 사람',
    webBody: '본문',
    webSend: '보내기',
    webFilled:
      '페이지의 양식에서 채웠습니다: 답할 보낸 사람과 “Re:”를 붙인 제목입니다. 필요하면 고쳐 쓰세요.',
  },
};

/** readFaultText holds the reading faults' words in English and Korean. */
export const readFaultText: Localized<ReadFaultText> = {
  en: {
    pop3: 'POP3 -ERR',
    pop3Help:
      'The POP3 server answers the chosen command with -ERR instead of doing it, every time or every n-th time, until back to normal.',
    imap: 'IMAP NO',
    imapHelp:
      'The IMAP server answers the chosen command with a tagged NO instead of doing it, until back to normal.',
    command: 'Command',
    every: 'Every n-th',
    text: 'Text',
    textPlaceholder: 'the server’s own words',
    force: 'Force',
    normal: 'Back to normal',
    forced: (server, protocol, answer, command) => `${server}: ${protocol} ${answer} for ${command}`,
    back: (server, protocol) => `${server}: ${protocol} back to normal`,
  },
  ko: {
    pop3: 'POP3 -ERR',
    pop3Help:
      'POP3 서버가 고른 명령을 처리하지 않고 -ERR로 답합니다. 매번 또는 n번에 한 번씩, 정상으로 되돌릴 때까지 계속됩니다.',
    imap: 'IMAP NO',
    imapHelp:
      'IMAP 서버가 고른 명령을 처리하지 않고 태그가 붙은 NO로 답합니다. 정상으로 되돌릴 때까지 계속됩니다.',
    command: '명령',
    every: 'n번에 한 번',
    text: '응답 문구',
    textPlaceholder: '서버가 보낼 문구',
    force: '강제로 거절',
    normal: '정상으로',
    forced: (server, protocol, answer, command) => `${server}: ${command} 명령에 ${protocol} ${answer}`,
    back: (server, protocol) => `${server}: ${protocol} 정상으로`,
  },
};
