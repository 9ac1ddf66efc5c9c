// The built-in scenarios in people's words: each one's title, description and names for its hosts, per
// language. Host ids that are domain names stay as they are; they are what students type and see on the wire.
import type { Scenario } from '../../sim/scenario.ts';
import type { Language } from './language.ts';
import type { Localized } from './languageContext.ts';

/** ScenarioWords is one scenario's title, description and host display names in one language. */
export interface ScenarioWords {
  readonly title: string;
  readonly description: string;
}

/** ScenarioText is the catalogue of one language: built-in scenarios by name, and host names by host id. */
export interface ScenarioText {
  readonly scenarios: Readonly<Record<string, ScenarioWords>>;
  readonly hosts: Readonly<Record<string, string>>;
}

/** scenarioText holds the built-in scenarios' texts in every language. */
export const scenarioText: Localized<ScenarioText> = {
  en: {
    scenarios: {
      'tcp-demo': {
        title: 'A TCP connection, start to finish',
        description:
          'Alice’s PC opens a TCP connection to an echo service (RFC 862, port 7), sends three lines, gets each one back, and closes the connection.',
      },
      textbook: {
        title: 'Alice writes to Bob',
        description:
          'The example of Kurose and Ross §2.3: Alice’s user agent hands her message to her mail server crepes.fr, which queues it, looks up hamburger.edu in DNS and delivers it by SMTP to Bob’s mailbox.',
      },
      modern: {
        title: 'Alice writes to Bob, as mail programs do today',
        description:
          'The textbook’s world with today’s software: the clients open with EHLO, the servers answer with their extensions (PIPELINING, SIZE, 8BITMIME, ENHANCEDSTATUSCODES), and MAIL and RCPT go out together as one pipelined group. Compare its transcript with the textbook scenario’s.',
      },
      outage: {
        title: 'Bob’s server is down for two hours',
        description:
          'hamburger.edu is off when Alice sends. Her message waits in crepes.fr’s queue and is retried every 30 minutes; two hours later hamburger.edu comes back and the next try delivers it.',
      },
      bounce: {
        title: 'Down for six days: a warning, then a bounce',
        description:
          'hamburger.edu stays off for six days. After four hours crepes.fr warns Alice that her message is delayed; after five days it gives up and returns the message to her with a delivery status notification.',
      },
      'unknown-user': {
        title: 'No such user',
        description:
          'Alice mistypes Bob’s address. hamburger.edu answers 550 to RCPT TO, a permanent failure, so crepes.fr bounces the message to Alice at once.',
      },
      mixed: {
        title: 'Three recipients, three fates',
        description:
          'Alice writes to Bob, to Carol at bratwurst.de and to Dave at nowhere.example. Bob gets it at once; bratwurst.de is down for an hour, so Carol’s copy waits in the queue and arrives later; nowhere.example does not exist, so Dave’s copy bounces.',
      },
      direct: {
        title: 'Why not send straight to Bob’s server?',
        description:
          'Alice’s user agent skips her own server and connects to hamburger.edu itself, which is down. With no queue to wait in, the send fails in Alice’s face; through crepes.fr it would have been retried.',
      },
      duplicate: {
        title: 'The lost reply: delivered twice',
        description:
          'hamburger.edu keeps Alice’s message but the connection dies before its 250 reaches crepes.fr. Not knowing, crepes.fr tries again 30 minutes later, and Bob gets the message twice: SMTP prefers a duplicate to a loss (RFC 5321 §6.1).',
      },
      'pop3-delete': {
        title: 'Bob reads with POP3 and deletes',
        description:
          'Alice writes to Bob. Bob’s PC fetches with POP3 in download-and-delete mode: RETR, DELE, then QUIT, whose UPDATE state removes the message from the server. When his phone fetches afterwards, the maildrop is empty.',
      },
      'pop3-keep': {
        title: 'Bob reads with POP3 and keeps',
        description:
          'Alice writes to Bob. His PC and then his phone fetch with POP3 in download-and-keep mode: both download the message, which stays on the server. The PC remembers the unique-id UIDL gave it, so its second fetch downloads nothing new.',
      },
      'imap-folders': {
        title: 'Bob’s mailbox on two devices with IMAP',
        description:
          'Alice writes to Bob twice. His phone and his PC read with IMAP: each lists the folders and fetches only the headers, and the mail stays on the server. The phone then waits in IDLE. When Bob opens, flags and deletes messages on his PC, the server tells the phone at once. A search on the phone ends its IDLE with DONE.',
      },
      'partial-fetch': {
        title: 'A 5 MB attachment, fetched on demand',
        description:
          'Alice sends Bob a photo of about 5 MB. Bob’s PC reads with IMAP: the headers and body structure tell it the attachment’s size without downloading it, opening the message brings only the text, and the photo comes only when asked for, 64 KiB at a time with partial fetches.',
      },
      webmail: {
        title: 'Bob reads Alice’s message in his browser',
        description:
          'Alice writes to Bob as in the textbook, and SMTP pushes the message to hamburger.edu. Bob reads it with webmail: his browser speaks HTTP to webmail.hamburger.edu, which logs in to the mail server over IMAP for every page it makes, fetches the list or the message, and answers with a small HTML page and its stylesheet. Nothing reaches the browser until it asks.',
      },
      'webmail-send': {
        title: 'Bob replies from his browser',
        description:
          'Bob reads Alice’s message with webmail and presses Reply: the reply form names her message, so his reply carries In-Reply-To and References (RFC 5322) and joins her thread. The reply leaves his browser as an HTTP POST; the webmail submits it to hamburger.edu by SMTP on port 587 as Bob, and hamburger.edu’s queue sends it by SMTP to crepes.fr, into Alice’s mailbox. HTTP to the webmail, SMTP from there on.',
      },
      'push-vs-pull': {
        title: 'Push and pull: one message, SMTP then HTTP',
        description:
          'One message, two protocols side by side. Bob’s browser looks at his inbox first: nothing there, and nothing comes by itself. Then SMTP pushes Alice’s message: crepes.fr opens the connection and sends the whole message, headers and body in one DATA, in 7-bit ASCII, whether or not Bob is looking. When Bob reloads, HTTP pulls it: each object of the page (the page, its stylesheet) comes in a response of its own, and the page’s Korean travels as 8-bit UTF-8.',
      },
    },
    hosts: {
      'alice-pc': 'Alice’s PC',
      'bob-pc': 'Bob’s PC',
      'bob-phone': 'Bob’s phone',
      internet: 'The Internet',
      'ns.example': 'DNS server',
    },
  },
  ko: {
    scenarios: {
      'tcp-demo': {
        title: 'TCP 연결의 처음부터 끝까지',
        description:
          '앨리스의 PC가 에코 서비스(RFC 862, 포트 7)에 TCP 연결을 열고, 세 줄을 보내 각 줄을 그대로 돌려받은 뒤 연결을 닫습니다.',
      },
      textbook: {
        title: '앨리스가 밥에게 메일을 보냅니다',
        description:
          'Kurose와 Ross 교재 2.3절의 예입니다. 앨리스의 사용자 에이전트가 메시지를 자기 메일 서버 crepes.fr에 넘기면, crepes.fr는 메시지를 큐에 넣고 DNS에서 hamburger.edu를 찾은 뒤 SMTP로 밥의 메일박스에 전달합니다.',
      },
      modern: {
        title: '앨리스가 밥에게 메일을 씁니다 (오늘날의 메일 프로그램)',
        description:
          '교과서와 같은 세계에 오늘날의 소프트웨어를 둡니다. 클라이언트는 EHLO로 인사하고, 서버는 지원하는 확장(PIPELINING, SIZE, 8BITMIME, ENHANCEDSTATUSCODES)을 알려 주며, MAIL과 RCPT는 파이프라이닝으로 한 번에 나갑니다. textbook 시나리오의 대화와 비교해 보세요.',
      },
      outage: {
        title: '밥의 서버가 두 시간 동안 중단됨',
        description:
          '앨리스가 메일을 보낼 때 hamburger.edu가 꺼져 있습니다. 메시지는 crepes.fr의 큐에서 기다리며 30분마다 재시도되고, 두 시간 뒤 hamburger.edu가 다시 켜지면 다음 시도에서 전달됩니다.',
      },
      bounce: {
        title: '6일간 중단: 지연 경고, 그리고 반송',
        description:
          'hamburger.edu가 6일 동안 꺼져 있습니다. 4시간 뒤 crepes.fr는 앨리스에게 메시지가 늦어지고 있다고 알리고, 5일 뒤에는 전달을 포기하고 전달 상태 알림(DSN)과 함께 메시지를 앨리스에게 돌려보냅니다.',
      },
      'unknown-user': {
        title: '없는 사용자',
        description:
          '앨리스가 밥의 주소를 잘못 입력합니다. hamburger.edu가 RCPT TO에 영구 실패 코드인 550으로 답하므로 crepes.fr는 곧바로 메시지를 앨리스에게 반송합니다.',
      },
      mixed: {
        title: '받는 사람 셋, 결과도 셋',
        description:
          '앨리스가 밥, bratwurst.de의 캐럴, nowhere.example의 데이브에게 메일을 씁니다. 밥은 바로 받습니다. bratwurst.de는 한 시간 동안 중단되어 캐럴에게 갈 사본은 큐에서 기다렸다가 나중에 도착합니다. nowhere.example은 존재하지 않아 데이브에게 갈 사본은 반송됩니다.',
      },
      direct: {
        title: '밥의 서버로 바로 보내면 안 될까?',
        description:
          '앨리스의 사용자 에이전트가 자기 서버를 건너뛰고 hamburger.edu에 직접 연결하는데, 그 서버가 꺼져 있습니다. 기다릴 큐가 없으니 보내기는 그 자리에서 실패합니다. crepes.fr를 거쳤다면 재시도되었을 것입니다.',
      },
      duplicate: {
        title: '잃어버린 응답: 두 번 배달됨',
        description:
          'hamburger.edu는 앨리스의 메시지를 저장했지만 250 응답이 crepes.fr에 닿기 전에 연결이 끊깁니다. 이를 모르는 crepes.fr가 30분 뒤 다시 보내서 밥은 같은 메시지를 두 번 받습니다. SMTP는 잃어버리느니 중복을 택합니다(RFC 5321 §6.1).',
      },
      'pop3-delete': {
        title: '밥이 POP3로 내려받고 지우기',
        description:
          '앨리스가 밥에게 메일을 씁니다. 밥의 PC가 POP3 "내려받고 지우기" 방식으로 가져옵니다: RETR, DELE, 그리고 QUIT. QUIT 뒤 갱신(UPDATE) 단계에서 서버의 메시지가 지워집니다. 나중에 밥의 휴대폰이 가져오면 메일박스는 비어 있습니다.',
      },
      'pop3-keep': {
        title: '밥이 POP3로 내려받고 남겨 두기',
        description:
          '앨리스가 밥에게 메일을 씁니다. 밥의 PC와 휴대폰이 차례로 POP3 "내려받고 남겨 두기" 방식으로 가져옵니다. 둘 다 메시지를 받고, 메시지는 서버에 남습니다. PC는 UIDL로 받은 고유 ID를 기억하므로 두 번째 가져오기에서는 새로 받는 것이 없습니다.',
      },
      'imap-folders': {
        title: '두 기기에서 IMAP으로 읽는 밥의 메일박스',
        description:
          '앨리스가 밥에게 메일을 두 통 씁니다. 밥의 휴대폰과 PC가 IMAP으로 읽습니다. 둘 다 폴더 목록과 헤더만 가져오고, 메일은 서버에 남습니다. 휴대폰은 IDLE로 기다립니다. 밥이 PC에서 메시지를 열고, 플래그를 달고, 지우면 서버가 곧바로 휴대폰에 알립니다. 휴대폰에서 검색하면 DONE으로 IDLE을 끝냅니다.',
      },
      'partial-fetch': {
        title: '5 MB 첨부 파일, 필요할 때만 가져오기',
        description:
          '앨리스가 밥에게 약 5 MB짜리 사진을 보냅니다. 밥의 PC는 IMAP으로 읽습니다. 헤더와 본문 구조만으로 첨부 파일의 크기를 알고, 메시지를 열면 본문 텍스트만 가져오며, 사진은 요청할 때에만 부분 가져오기로 64 KiB씩 받습니다.',
      },
      webmail: {
        title: '밥이 브라우저로 앨리스의 메일 읽기',
        description:
          '교재에서처럼 앨리스가 밥에게 메일을 쓰고, SMTP가 메시지를 hamburger.edu로 푸시합니다. 밥은 웹메일로 읽습니다. 밥의 브라우저는 webmail.hamburger.edu와 HTTP로 이야기하고, 웹메일은 페이지를 만들 때마다 IMAP으로 메일 서버에 로그인해 목록이나 메시지를 가져온 뒤 작은 HTML 페이지와 스타일시트로 응답합니다. 브라우저가 요청하기 전에는 아무것도 오지 않습니다.',
      },
      'webmail-send': {
        title: '밥이 브라우저에서 답장하기',
        description:
          '밥이 웹메일로 앨리스의 메일을 읽고 ‘답장’을 누릅니다. 답장 양식이 앨리스의 메시지를 가리키므로 답장에는 In-Reply-To와 References 헤더(RFC 5322)가 붙고, 앨리스의 메일과 한 스레드로 묶입니다. 답장은 브라우저에서 HTTP POST로 나갑니다. 웹메일은 밥의 이름으로 587번 포트의 SMTP로 hamburger.edu에 제출하고, hamburger.edu의 메시지 큐가 SMTP로 crepes.fr에 보내 앨리스의 메일박스에 넣습니다. 웹메일까지는 HTTP, 그다음부터는 SMTP입니다.',
      },
      'push-vs-pull': {
        title: '푸시와 풀: 한 메시지, SMTP 다음 HTTP',
        description:
          '한 메시지를 두 프로토콜로 나란히 봅니다. 먼저 밥의 브라우저가 받은 편지함을 봅니다. 아무것도 없고, 저절로 오는 것도 없습니다. 그다음 SMTP가 앨리스의 메시지를 푸시합니다. 밥이 보고 있든 없든 crepes.fr이 연결을 열고 헤더와 본문을 DATA 하나에 담아 7비트 ASCII로 메시지 전체를 보냅니다. 밥이 새로 고치면 HTTP가 메시지를 풀로 가져옵니다. 페이지를 이루는 객체(페이지, 스타일시트)마다 응답이 하나씩 따로 오고, 페이지의 한국어는 8비트 UTF-8 그대로 갑니다.',
      },
    },
    hosts: {
      'alice-pc': '앨리스의 PC',
      'bob-pc': '밥의 PC',
      'bob-phone': '밥의 휴대폰',
      internet: '인터넷',
      'ns.example': 'DNS 서버',
    },
  },
};

/** ScenarioLabels is a scenario's texts as a page shows them: localized if built in, else its own. */
export interface ScenarioLabels {
  readonly title: string;
  readonly description: string;
  readonly hosts: Readonly<Record<string, string>>;
}

/**
 * scenarioLabels gives a scenario's title, description and host names in `language`. Built-in scenarios use
 * the catalogue; a loaded file or sandbox world keeps its own title and labels, and a host without one its id.
 */
export function scenarioLabels(scenario: Scenario, language: Language): ScenarioLabels {
  const catalogue = scenarioText[language];
  const words = catalogue.scenarios[scenario.name];
  // A host keeps its own label unless that label is the built-in one (a lesson's copy of the textbook world, say).
  const plain = (text: string | undefined) => text?.replace(/’/g, "'");
  const builtinLabel = (id: string) => plain(scenarioText.en.hosts[id]);
  const hosts = Object.fromEntries(
    scenario.hosts.map((h) => {
      const ours = words || h.label === undefined || plain(h.label) === builtinLabel(h.id);
      return [h.id, (ours ? catalogue.hosts[h.id] : undefined) ?? h.label ?? h.id];
    }),
  );
  return {
    title: words?.title ?? scenario.title ?? scenario.name,
    description: words?.description ?? scenario.description ?? '',
    hosts,
  };
}
