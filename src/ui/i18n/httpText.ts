// What HTTP request lines, status classes, header fields and bodies mean to a student, English and Korean side by
// side (RFC 9110, RFC 9112). Statuses by catalogue id are in httpReplyText.ts; this holds the rest of a message.
import type { FetchRetry } from '../../sim/trace.ts';
import type { Localized } from './languageContext.ts';
import type { ReplyExplanation } from './replyExplanation.ts';

/** HttpMethodKey is a request's method: one of RFC 9110 §9's, or any other token (`unknown`). */
export type HttpMethodKey =
  'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE' | 'OPTIONS' | 'TRACE' | 'CONNECT' | 'unknown';

/** HttpClass is a status code's first digit, its class (RFC 9110 §15). */
export type HttpClass = '1' | '2' | '3' | '4' | '5';

/** HttpText is one language's words for the lines and bodies of HTTP messages. */
export interface HttpText {
  readonly methods: Readonly<Record<HttpMethodKey, ReplyExplanation>>;
  readonly classes: Readonly<Record<HttpClass, ReplyExplanation>>;
  /** requestField and responseField explain a header field line of each side; fields names some of them. */
  readonly requestField: ReplyExplanation;
  readonly responseField: ReplyExplanation;
  readonly fields: Readonly<Record<string, string>>;
  /** requestEnd and responseEnd explain the empty line that ends a head. */
  readonly requestEnd: ReplyExplanation;
  readonly responseEnd: ReplyExplanation;
  /** badField explains a field line the server could not read. */
  readonly badField: ReplyExplanation;
  /** body explains a message body: octets, not lines, framed by the head. */
  readonly body: ReplyExplanation;
  /** bodySize says how big a body was, and how it was framed on the wire. */
  bodySize(size: number, wire: number, chunks: number | null): string;
  /** view holds the inspector's and the transcript's words for an exchange. */
  readonly view: {
    readonly body: string;
    exchange(request: number): string;
    readonly requestHead: string;
    readonly responseHead: string;
    readonly requestBody: string;
    readonly responseBody: string;
    readonly noBody: string;
    readonly noResponse: string;
    /** total is the whole response on the wire, head and body. */
    total(octets: number, connection: 'keep-alive' | 'close'): string;
    readonly page: string;
    /** objects says how many objects (one response each) the page needed, in how many requests and octets. */
    objects(objects: number, requests: number, bytes: number): string;
    readonly thisOne: string;
    /** retry explains each attempt of a request the browser sent twice. */
    readonly retry: Readonly<Record<FetchRetry, string>>;
  };
}

/** isHttpMethod tells whether a method is one RFC 9110 §9 defines (case-sensitive). */
export function isHttpMethod(method: string): method is Exclude<HttpMethodKey, 'unknown'> {
  return Object.hasOwn(httpText.en.methods, method) && method !== 'unknown';
}

/** httpText holds the HTTP words in every language. */
export const httpText: Localized<HttpText> = {
  en: {
    methods: {
      GET: {
        meaning: 'Asks for the object at this path: a page, a style sheet, an image (RFC 9110 §9.3.1).',
        next: 'The head of the request follows: Host, then other fields, then an empty line.',
      },
      HEAD: {
        meaning: 'Asks for what GET would answer, but the head only, without the body (RFC 9110 §9.3.2).',
        next: 'Header fields, an empty line; the response will carry no body.',
      },
      POST: {
        meaning:
          'Sends data for the server to act on, here a form: a login, a message to send (RFC 9110 §9.3.3).',
        next: 'Header fields say how long the body is (Content-Length) or that it comes in chunks; then the body.',
      },
      PUT: {
        meaning: 'Asks to store the body at this path (RFC 9110 §9.3.4). The webmail does not take it.',
        next: 'The server answers 405 with the methods it allows.',
      },
      DELETE: {
        meaning: 'Asks to remove what is at this path (RFC 9110 §9.3.5). The webmail does not take it.',
        next: 'The server answers 405 with the methods it allows.',
      },
      OPTIONS: {
        meaning: 'Asks which methods and features the server offers here (RFC 9110 §9.3.7).',
        next: 'The webmail answers 405; a general server would list them in Allow.',
      },
      TRACE: {
        meaning: 'Asks the server to echo the request back, for testing (RFC 9110 §9.3.8).',
        next: 'The webmail does not do it and answers 405.',
      },
      CONNECT: {
        meaning: 'Asks a proxy to open a tunnel to another host (RFC 9110 §9.3.6). This is no proxy.',
        next: 'The server refuses it.',
      },
      unknown: {
        meaning: 'A method the server does not know (methods are case-sensitive: "get" is not GET).',
        next: 'The server answers 501 Not Implemented.',
      },
    },
    classes: {
      '1': {
        meaning: '1xx: informational — the request is being handled, a final status follows.',
        next: 'Keep going; wait for the final response.',
      },
      '2': {
        meaning: '2xx: success — the request was received, understood and done.',
        next: 'Use the body: show the page, then fetch the objects it names.',
      },
      '3': {
        meaning: '3xx: redirection — look elsewhere; Location says where.',
        next: 'Request the Location.',
      },
      '4': {
        meaning: '4xx: client error — the request was wrong or is not allowed.',
        next: 'Change the request before sending it again.',
      },
      '5': {
        meaning: '5xx: server error — the server failed to do a request that may be fine.',
        next: 'Try again later.',
      },
    },
    requestField: {
      meaning: 'A header field of the request: a name, a colon, a value (RFC 9110 §5).',
      next: 'More fields, or the empty line that ends the head.',
    },
    responseField: {
      meaning: 'A header field of the response: a name, a colon, a value (RFC 9110 §5).',
      next: 'More fields, or the empty line that ends the head.',
    },
    fields: {
      host: 'Host names the site asked, since one server may serve many (RFC 9110 §7.2); HTTP/1.1 needs it.',
      cookie:
        'Cookie sends back what the site set, here the session id; it is masked, as it lets anyone act as the user.',
      'set-cookie':
        'Set-Cookie gives the browser a cookie to send back on later requests (RFC 6265); masked here.',
      'content-length': 'Content-Length is how many octets the body has, so the reader knows where it ends.',
      'transfer-encoding':
        'Transfer-Encoding: chunked sends the body in pieces, each with its size, ending in 0.',
      'content-type': 'Content-Type says what the body is: an HTML page, a style sheet, a form.',
      connection:
        'Connection: close ends the connection after this exchange; otherwise it stays open for more.',
      location: 'Location is where to go next after a redirection (3xx).',
      date: 'Date is when the server wrote the response.',
      'cache-control': 'Cache-Control says whether and how long the response may be kept and reused.',
      'content-security-policy':
        'Content-Security-Policy tells the browser what the page may run and load: here no scripts at all.',
      allow: 'Allow lists the methods this address takes (sent with 405).',
    },
    requestEnd: {
      meaning: 'The empty line that ends the request head (RFC 9112 §2.1).',
      next: 'The body, if the head announced one; otherwise the server answers.',
    },
    responseEnd: {
      meaning: 'The empty line that ends the response head (RFC 9112 §2.1).',
      next: 'The body, as long as the head said; then the next request on this connection, or the close.',
    },
    badField: {
      meaning: 'A header line the server cannot read: no colon, a space before it, or a bad character.',
      next: 'The server answers 400 Bad Request and closes the connection.',
    },
    body: {
      meaning:
        'The body: octets, not lines, so HTTP needs no 7-bit text and no dot at the end; the head said how long it is.',
      next: 'The next request on this connection, or the close.',
    },
    bodySize: (size, wire, chunks) =>
      chunks === null ? `${size} octets` : `${size} octets in ${chunks} chunks (${wire} octets on the wire)`,
    view: {
      body: 'Body',
      exchange: (request) => `HTTP exchange (request ${request} on this connection)`,
      requestHead: 'Request head',
      responseHead: 'Response head',
      requestBody: 'Request body',
      responseBody: 'Response body',
      noBody: 'none',
      noResponse: 'No response yet.',
      total: (octets, connection) =>
        `The whole response took ${octets} octets on the wire; the connection ${connection === 'close' ? 'closes after it' : 'stays open for the next request'}.`,
      page: 'The page this was part of',
      objects: (objects, requests, bytes) =>
        `${objects} ${objects === 1 ? 'object' : 'objects'}, each in its own response: ${requests} ${requests === 1 ? 'request' : 'requests'}, ${bytes} octets of bodies.`,
      thisOne: 'this exchange',
      retry: {
        resending: 'the server closed the idle kept-alive connection before reading it; sent again',
        resent: 'sent again on a new connection',
      },
    },
  },
  ko: {
    methods: {
      GET: {
        meaning: '이 경로에 있는 객체(페이지, 스타일시트, 이미지)를 요청합니다 (RFC 9110 §9.3.1).',
        next: '요청 헤더가 이어집니다. Host, 다른 필드, 그리고 빈 줄입니다.',
      },
      HEAD: {
        meaning: 'GET과 같은 것을 묻되, 본문 없이 헤더만 받습니다 (RFC 9110 §9.3.2).',
        next: '헤더 필드와 빈 줄이 이어지고, 응답에는 본문이 없습니다.',
      },
      POST: {
        meaning:
          '서버가 처리할 데이터를 보냅니다. 여기서는 로그인이나 보낼 메시지 같은 폼입니다 (RFC 9110 §9.3.3).',
        next: '헤더 필드가 본문의 길이(Content-Length)나 청크 전송을 알리고, 그다음 본문이 옵니다.',
      },
      PUT: {
        meaning: '본문을 이 경로에 저장해 달라고 요청합니다 (RFC 9110 §9.3.4). 웹메일은 받지 않습니다.',
        next: '서버가 허용하는 메서드를 적어 405로 답합니다.',
      },
      DELETE: {
        meaning: '이 경로에 있는 것을 지워 달라고 요청합니다 (RFC 9110 §9.3.5). 웹메일은 받지 않습니다.',
        next: '서버가 허용하는 메서드를 적어 405로 답합니다.',
      },
      OPTIONS: {
        meaning: '이곳에서 쓸 수 있는 메서드와 기능을 묻습니다 (RFC 9110 §9.3.7).',
        next: '웹메일은 405로 답합니다. 일반 서버라면 Allow에 적어 줍니다.',
      },
      TRACE: {
        meaning: '시험용으로 요청을 그대로 돌려 달라고 합니다 (RFC 9110 §9.3.8).',
        next: '웹메일은 하지 않고 405로 답합니다.',
      },
      CONNECT: {
        meaning:
          '프록시에게 다른 호스트로 가는 터널을 열어 달라고 합니다 (RFC 9110 §9.3.6). 이 서버는 프록시가 아닙니다.',
        next: '서버가 거절합니다.',
      },
      unknown: {
        meaning: '서버가 모르는 메서드입니다. 메서드는 대소문자를 구분합니다("get"은 GET이 아닙니다).',
        next: '서버가 501 Not Implemented로 답합니다.',
      },
    },
    classes: {
      '1': {
        meaning: '1xx: 정보 — 요청을 처리하는 중이며, 최종 상태가 뒤따릅니다.',
        next: '계속 진행하고 최종 응답을 기다리세요.',
      },
      '2': {
        meaning: '2xx: 성공 — 요청을 받아서 이해하고 처리했습니다.',
        next: '본문을 쓰세요. 페이지를 보여 주고, 페이지가 가리키는 객체를 가져옵니다.',
      },
      '3': {
        meaning: '3xx: 리다이렉션 — 다른 곳을 보세요. Location이 어디인지 알려 줍니다.',
        next: 'Location을 요청하세요.',
      },
      '4': {
        meaning: '4xx: 클라이언트 오류 — 요청이 잘못되었거나 허용되지 않습니다.',
        next: '요청을 고친 뒤에 다시 보내세요.',
      },
      '5': {
        meaning: '5xx: 서버 오류 — 문제없을 수도 있는 요청을 서버가 처리하지 못했습니다.',
        next: '나중에 다시 시도하세요.',
      },
    },
    requestField: {
      meaning: '요청의 헤더 필드입니다. 이름, 콜론, 값으로 이루어집니다 (RFC 9110 §5).',
      next: '필드가 더 오거나, 헤더를 끝내는 빈 줄이 옵니다.',
    },
    responseField: {
      meaning: '응답의 헤더 필드입니다. 이름, 콜론, 값으로 이루어집니다 (RFC 9110 §5).',
      next: '필드가 더 오거나, 헤더를 끝내는 빈 줄이 옵니다.',
    },
    fields: {
      host: 'Host는 요청하는 사이트 이름입니다. 서버 하나가 여러 사이트를 맡을 수 있기 때문이며(RFC 9110 §7.2), HTTP/1.1에서는 꼭 있어야 합니다.',
      cookie:
        'Cookie는 사이트가 심어 둔 값(여기서는 세션 ID)을 돌려보냅니다. 이 값만 있으면 사용자 행세를 할 수 있어서 가려 둡니다.',
      'set-cookie':
        'Set-Cookie는 브라우저가 다음 요청마다 돌려보낼 쿠키를 줍니다 (RFC 6265). 여기서는 가려 둡니다.',
      'content-length': 'Content-Length는 본문이 몇 옥텟인지 알려 주어, 받는 쪽이 본문의 끝을 압니다.',
      'transfer-encoding':
        'Transfer-Encoding: chunked는 본문을 크기가 붙은 조각(청크)으로 나누어 보내고, 0으로 끝냅니다.',
      'content-type':
        'Content-Type은 본문이 무엇인지 알려 줍니다. HTML 페이지, 스타일시트, 폼 같은 것입니다.',
      connection:
        'Connection: close는 이 교환 뒤에 연결을 닫습니다. 없으면 연결이 열려 있어 다음 요청에 다시 씁니다.',
      location: 'Location은 리다이렉션(3xx) 뒤에 갈 곳입니다.',
      date: 'Date는 서버가 응답을 쓴 시각입니다.',
      'cache-control': 'Cache-Control은 응답을 저장해 다시 써도 되는지, 얼마 동안인지 알려 줍니다.',
      'content-security-policy':
        'Content-Security-Policy는 페이지가 무엇을 실행하고 불러올 수 있는지 브라우저에 알립니다. 여기서는 스크립트를 전혀 허용하지 않습니다.',
      allow: 'Allow는 이 주소가 받는 메서드 목록입니다 (405와 함께 옵니다).',
    },
    requestEnd: {
      meaning: '요청 헤더를 끝내는 빈 줄입니다 (RFC 9112 §2.1).',
      next: '헤더가 본문을 알렸다면 본문이 오고, 아니면 서버가 답합니다.',
    },
    responseEnd: {
      meaning: '응답 헤더를 끝내는 빈 줄입니다 (RFC 9112 §2.1).',
      next: '헤더가 말한 길이만큼 본문이 오고, 그다음 이 연결의 다음 요청이나 연결 종료가 옵니다.',
    },
    badField: {
      meaning:
        '서버가 읽을 수 없는 헤더 줄입니다. 콜론이 없거나, 콜론 앞에 공백이 있거나, 쓸 수 없는 문자가 있습니다.',
      next: '서버가 400 Bad Request로 답하고 연결을 닫습니다.',
    },
    body: {
      meaning:
        '본문입니다. 줄이 아니라 옥텟이므로 HTTP에는 7비트 텍스트 제한도, 끝을 알리는 점도 필요 없습니다. 길이는 헤더가 알려 줍니다.',
      next: '이 연결의 다음 요청이나 연결 종료가 옵니다.',
    },
    bodySize: (size, wire, chunks) =>
      chunks === null ? `${size}옥텟` : `${size}옥텟, 청크 ${chunks}개 (전송된 옥텟 ${wire})`,
    view: {
      body: '본문',
      exchange: (request) => `HTTP 교환 (이 연결의 ${request}번째 요청)`,
      requestHead: '요청 헤더',
      responseHead: '응답 헤더',
      requestBody: '요청 본문',
      responseBody: '응답 본문',
      noBody: '없음',
      noResponse: '아직 응답이 없습니다.',
      total: (octets, connection) =>
        `응답 전체(헤더와 본문)가 전송된 옥텟은 ${octets}입니다. ${connection === 'close' ? '이 응답 뒤에 연결을 닫습니다.' : '연결은 다음 요청을 위해 열려 있습니다.'}`,
      page: '이 교환이 속한 페이지',
      objects: (objects, requests, bytes) =>
        `객체 ${objects}개, 객체마다 응답 하나씩: 요청 ${requests}개, 본문 ${bytes}옥텟.`,
      thisOne: '이 교환',
      retry: {
        resending: '서버가 요청을 읽기 전에 유휴 지속 연결을 닫음. 다시 보냄',
        resent: '새 연결로 다시 보낸 요청',
      },
    },
  },
};
