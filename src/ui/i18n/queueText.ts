// What the queue and mailbox panels say, and how they write virtual times, waits and sizes, in each language.
import type { QueueRecipientView } from '../../sim/worldView.ts';
import { formatNumber, type Language } from './language.ts';
import type { Localized } from './languageContext.ts';

/** RecipientStatus is a queued recipient's delivery status, as the world reports it. */
export type RecipientStatus = QueueRecipientView['status'];

/** NoticeKind marks a stored message that is a delivery status notification (RFC 3464). */
export type NoticeKind = 'bounce' | 'warning';

/** QueueText is the catalogue of the queue and mailbox panels (the topology view borrows its times). */
export interface QueueText {
  /** clock writes virtual time since the scenario began: `00:30:32`, and `1d 02:00:00` after a day. */
  readonly clock: (ms: number) => string;
  /** wait writes how long until something happens: `in 29 min`, `in 2 h 5 min`; `now` when it is due. */
  readonly wait: (ms: number) => string;
  readonly size: (bytes: number) => string;
  readonly queue: {
    readonly label: string;
    readonly title: (host: string, count: number) => string;
    readonly empty: string;
    readonly serverEmpty: string;
    readonly queueId: string;
    readonly messageId: string;
    readonly from: (sender: string) => string;
    readonly queued: (at: string, size: string) => string;
    readonly status: Readonly<Record<RecipientStatus, string>>;
    readonly attempts: (count: number) => string;
    readonly nextTry: (wait: string, at: string) => string;
    readonly trying: string;
    readonly lastReason: string;
    readonly warned: string;
    readonly select: (queueId: string) => string;
  };
  readonly mailbox: {
    readonly label: string;
    readonly title: (address: string, count: number) => string;
    readonly folder: string;
    readonly empty: string;
    readonly boxEmpty: string;
    readonly uid: string;
    readonly from: string;
    readonly subject: string;
    readonly noSubject: string;
    readonly size: string;
    readonly stored: string;
    readonly storedAt: (at: string) => string;
    readonly notice: Readonly<Record<NoticeKind, string>>;
    readonly unread: string;
    readonly select: (uid: number, subject: string) => string;
    /** account heads one user's folders with how many messages they hold in all. */
    readonly account: (address: string, count: number) => string;
    /** folderName names a folder: the default ones in words students know, the rest as the user named them. */
    readonly folderName: (name: string) => string;
    readonly folderEmpty: string;
    /** noselect says a folder name is kept only for the folders under it (IMAP \Noselect). */
    readonly noselect: string;
    /** deleted marks a message flagged \Deleted: still there until an expunge (or POP3's QUIT) removes it. */
    readonly deleted: string;
    /** uidValidityHelp says why a folder's UIDVALIDITY is shown beside its UIDs. */
    readonly uidValidityHelp: string;
    /** flags names the system flags (RFC 3501 §2.3.2); keywords are shown as they are. */
    readonly flags: Readonly<Record<SystemFlag, string>>;
  };
}

/** SystemFlag is a flag IMAP defines for every message (RFC 3501 §2.3.2). */
export type SystemFlag = '\\Seen' | '\\Answered' | '\\Flagged' | '\\Deleted' | '\\Draft' | '\\Recent';

const FOLDER_NAMES_KO: Readonly<Record<string, string>> = {
  INBOX: '받은편지함',
  Sent: '보낸편지함',
  Trash: '휴지통',
};

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Splits virtual ms into whole days and an `hh:mm:ss` for the rest, the way a wall clock reads. */
function clockParts(ms: number): { days: number; time: string } {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86_400);
  const rest = total % 86_400;
  return {
    days,
    time: `${pad(Math.floor(rest / 3600))}:${pad(Math.floor((rest % 3600) / 60))}:${pad(rest % 60)}`,
  };
}

/** Splits a wait into its two largest units, rounded up so that "in 0 s" never appears before it is due. */
function waitParts(ms: number): { d: number; h: number; m: number; s: number } {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 120) return { d: 0, h: 0, m: 0, s: seconds };
  const minutes = Math.ceil(seconds / 60);
  return { d: Math.floor(minutes / 1440), h: Math.floor((minutes % 1440) / 60), m: minutes % 60, s: 0 };
}

function sizeIn(bytes: number, language: Language): string {
  if (bytes < 1000) return `${bytes} B`;
  const kb = formatNumber(bytes / 1000, 1, language);
  return `${kb} kB`;
}

/** queueText is the queue and mailbox catalogue in every language. */
export const queueText: Localized<QueueText> = {
  en: {
    clock: (ms) => {
      const { days, time } = clockParts(ms);
      return days > 0 ? `${days}d ${time}` : time;
    },
    wait: (ms) => {
      if (ms <= 0) return 'now';
      const { d, h, m, s } = waitParts(ms);
      if (d > 0) return `in ${d} d${h > 0 ? ` ${h} h` : ''}`;
      if (h > 0) return `in ${h} h${m > 0 ? ` ${m} min` : ''}`;
      return m > 0 ? `in ${m} min` : `in ${s} s`;
    },
    size: (bytes) => sizeIn(bytes, 'en'),
    queue: {
      label: 'Message queues',
      title: (host, count) => `${host} · message queue (${count})`,
      empty: 'The queue is empty: nothing is waiting.',
      serverEmpty: 'Empty: nothing is waiting.',
      queueId: 'Queue ID',
      messageId: 'Message-ID',
      from: (sender) => `from ${sender || '<> (a bounce)'}`,
      queued: (at, size) => `queued at ${at} · ${size}`,
      status: { pending: 'Pending', deferred: 'Deferred', delivered: 'Delivered', bounced: 'Bounced' },
      attempts: (count) => (count === 1 ? '1 attempt' : `${count} attempts`),
      nextTry: (wait, at) => `next try ${wait} (at ${at})`,
      trying: 'being tried now',
      lastReason: 'Last reply',
      warned: 'Delay warning sent',
      select: (queueId) => `Show the queueing of ${queueId} in the trace`,
    },
    mailbox: {
      label: 'Mailboxes',
      title: (address, count) => `${address} · INBOX (${count})`,
      folder: 'INBOX',
      empty: 'No mail has been delivered to a mailbox yet.',
      boxEmpty: 'Empty: no mail yet.',
      uid: 'UID',
      from: 'From',
      subject: 'Subject',
      noSubject: '(no subject)',
      size: 'Size',
      stored: 'Stored',
      storedAt: (at) => `stored at ${at}`,
      notice: { bounce: 'Bounce', warning: 'Delay warning' },
      unread: 'new',
      select: (uid, subject) => `Show the delivery of message ${uid} (${subject}) in the trace`,
      account: (address, count) => `${address} (${count === 1 ? '1 message' : `${count} messages`})`,
      folderName: (name) => name,
      folderEmpty: 'empty',
      noselect: 'holds only folders (\\Noselect)',
      deleted: 'marked deleted',
      uidValidityHelp:
        'While UIDVALIDITY stays the same, a UID names the same message in this folder for good (RFC 3501 §2.3.1.1).',
      flags: {
        '\\Seen': 'read',
        '\\Answered': 'answered',
        '\\Flagged': 'flagged',
        '\\Deleted': 'deleted',
        '\\Draft': 'draft',
        '\\Recent': 'new',
      },
    },
  },
  ko: {
    clock: (ms) => {
      const { days, time } = clockParts(ms);
      return days > 0 ? `${days}일 ${time}` : time;
    },
    wait: (ms) => {
      if (ms <= 0) return '지금';
      const { d, h, m, s } = waitParts(ms);
      if (d > 0) return `${d}일${h > 0 ? ` ${h}시간` : ''} 후`;
      if (h > 0) return `${h}시간${m > 0 ? ` ${m}분` : ''} 후`;
      return m > 0 ? `${m}분 후` : `${s}초 후`;
    },
    size: (bytes) => sizeIn(bytes, 'ko'),
    queue: {
      label: '메시지 큐',
      title: (host, count) => `${host} · 메시지 큐 (${count})`,
      empty: '메시지 큐가 비어 있습니다. 기다리는 메시지가 없습니다.',
      serverEmpty: '비어 있음: 기다리는 메시지가 없습니다.',
      queueId: '큐 ID',
      messageId: 'Message-ID',
      from: (sender) => `보낸 사람 ${sender || '<> (반송 메시지)'}`,
      queued: (at, size) => `${at}에 큐에 들어옴 · ${size}`,
      status: { pending: '대기 중', deferred: '재시도 대기', delivered: '배달됨', bounced: '반송됨' },
      attempts: (count) => `시도 ${count}회`,
      nextTry: (wait, at) => `다음 재시도 ${wait} (${at})`,
      trying: '지금 전송 시도 중',
      lastReason: '마지막 응답',
      warned: '지연 경고 보냄',
      select: (queueId) => `${queueId}: 트레이스에서 큐에 들어간 사건 보기`,
    },
    mailbox: {
      label: '메일박스',
      title: (address, count) => `${address} · 받은편지함 (${count})`,
      folder: '받은편지함',
      empty: '아직 메일박스에 배달된 메일이 없습니다.',
      boxEmpty: '비어 있음: 아직 메일이 없습니다.',
      uid: 'UID',
      from: '보낸 사람',
      subject: '제목',
      noSubject: '(제목 없음)',
      size: '크기',
      stored: '저장 시각',
      storedAt: (at) => `${at}에 저장됨`,
      notice: { bounce: '반송 알림', warning: '지연 경고' },
      unread: '새 메일',
      select: (uid, subject) => `메시지 ${uid}(${subject}): 트레이스에서 배달 사건 보기`,
      account: (address, count) => `${address} (메시지 ${count}개)`,
      folderName: (name) =>
        FOLDER_NAMES_KO[name] === undefined ? name : `${FOLDER_NAMES_KO[name]} (${name})`,
      folderEmpty: '비어 있음',
      noselect: '하위 폴더만 담는 이름 (\\Noselect)',
      deleted: '삭제 표시됨',
      uidValidityHelp:
        'UIDVALIDITY 값이 같은 동안에는 UID가 이 폴더에서 언제나 같은 메시지를 가리킵니다 (RFC 3501 §2.3.1.1).',
      flags: {
        '\\Seen': '읽음',
        '\\Answered': '답장함',
        '\\Flagged': '중요',
        '\\Deleted': '삭제 표시',
        '\\Draft': '임시 보관',
        '\\Recent': '새 메일',
      },
    },
  },
};
