// What each catalogued HTTP status means to a student and what the browser should do next, keyed by catalogue id
// (`http.404`), English and Korean side by side. replyText.ts joins it to the other protocols' tables.
import type { HttpStatus } from '../../protocols/http/replies.ts';
import type { Localized } from './languageContext.ts';
import type { ReplyExplanation } from './replyExplanation.ts';

/** CataloguedHttpReplyId is the id of a status the HTTP catalogue lists (`http.200`), not of any number. */
export type CataloguedHttpReplyId = `http.${HttpStatus}`;

const EN: Readonly<Record<CataloguedHttpReplyId, ReplyExplanation>> = {
  'http.100': {
    meaning: 'The server has read the request head and is willing to take the body (RFC 9110 §15.2.1).',
    next: 'Send the request body now; the final status comes after it.',
  },
  'http.200': {
    meaning: 'The request worked; the body is what was asked for, such as the page (RFC 9110 §15.3.1).',
    next: 'Show the body, and fetch the images and style sheets the page names.',
  },
  'http.201': {
    meaning: 'The request made something new on the server; Location names it (RFC 9110 §15.3.2).',
    next: 'Go on; GET the Location if you want to see what was made.',
  },
  'http.204': {
    meaning: 'The request worked and there is no body to show (RFC 9110 §15.3.5).',
    next: 'Keep the page as it is and go on.',
  },
  'http.301': {
    meaning: 'What was asked for has moved for good to the address in Location (RFC 9110 §15.4.2).',
    next: 'Request the Location instead, and use it from now on.',
  },
  'http.302': {
    meaning: 'What was asked for is for now at the address in Location (RFC 9110 §15.4.3).',
    next: 'Request the Location this time, but keep the old address.',
  },
  'http.303': {
    meaning:
      'The form was handled; the answer to look at is another page, named in Location (RFC 9110 §15.4.4).',
    next: 'GET the Location, so that reloading the page does not send the form twice.',
  },
  'http.304': {
    meaning: 'The copy the browser already has is still current, so no body was sent (RFC 9110 §15.4.5).',
    next: 'Show the cached copy.',
  },
  'http.400': {
    meaning: 'The server could not understand the request: its syntax was wrong (RFC 9110 §15.5.1).',
    next: 'Fix the request line or headers and send it again.',
  },
  'http.401': {
    meaning: 'This needs a login, and the request had none the server accepts (RFC 9110 §15.5.2).',
    next: 'Log in (send the credentials the WWW-Authenticate header asks for), then try again.',
  },
  'http.403': {
    meaning:
      'The server understood the request and refuses it; logging in again will not help (RFC 9110 §15.5.4).',
    next: 'Ask only for what this user may see.',
  },
  'http.404': {
    meaning: 'There is nothing at this address on this server (RFC 9110 §15.5.5).',
    next: 'Check the address, or follow a link from a page that exists.',
  },
  'http.405': {
    meaning:
      'This address does not take this method; the Allow header lists the ones it does (RFC 9110 §15.5.6).',
    next: 'Send the request again with a method from Allow.',
  },
  'http.408': {
    meaning:
      'The server waited too long for the rest of the request and gave up on the connection (RFC 9110 §15.5.9).',
    next: 'Open a new connection and send the whole request again.',
  },
  'http.411': {
    meaning:
      'The request had a body but no Content-Length, so the server cannot tell where it ends (RFC 9110 §15.5.12).',
    next: 'Send it again with Content-Length giving the body size in bytes.',
  },
  'http.413': {
    meaning: 'The request body is bigger than this server will take (RFC 9110 §15.5.14).',
    next: 'Send a smaller body, such as a shorter message or fewer attachments.',
  },
  'http.414': {
    meaning: 'The address in the request line is longer than this server will read (RFC 9110 §15.5.15).',
    next: 'Use a shorter address; send long data in a POST body instead.',
  },
  'http.415': {
    meaning: 'The server does not take a body of this Content-Type here (RFC 9110 §15.5.16).',
    next: 'Send the body in a type the server accepts, such as a form.',
  },
  'http.417': {
    meaning: 'The server cannot meet the Expect header of the request (RFC 9110 §15.5.18).',
    next: 'Send the request again without Expect.',
  },
  'http.431': {
    meaning: 'The request headers together are too large for the server (RFC 6585 §5).',
    next: 'Send fewer or shorter headers, such as smaller cookies.',
  },
  'http.500': {
    meaning: 'Something went wrong in the server while it handled a good request (RFC 9110 §15.6.1).',
    next: 'The fault is the server’s: try again later, or tell its operator.',
  },
  'http.501': {
    meaning: 'The server does not know this method at all (RFC 9110 §15.6.2).',
    next: 'Use a method it supports, such as GET or POST.',
  },
  'http.502': {
    meaning:
      'The server acts as a gateway and the server behind it gave it no usable answer (RFC 9110 §15.6.3), as when webmail cannot reach the mail server.',
    next: 'Try again later; the server behind the gateway has to come back first.',
  },
  'http.503': {
    meaning:
      'The server cannot handle the request just now, because it is overloaded or down for a while (RFC 9110 §15.6.4).',
    next: 'Wait (as long as Retry-After says, if it is there) and try again.',
  },
  'http.504': {
    meaning:
      'The server acts as a gateway and the server behind it did not answer in time (RFC 9110 §15.6.5).',
    next: 'Try again later.',
  },
  'http.505': {
    meaning: 'The server does not speak the HTTP version in the request line (RFC 9110 §15.6.6).',
    next: 'Send the request again as HTTP/1.1.',
  },
};

const KO: Readonly<Record<CataloguedHttpReplyId, ReplyExplanation>> = {
  'http.100': {
    meaning: '서버가 요청 헤더를 읽었고 본문을 받을 준비가 됐습니다 (RFC 9110 §15.2.1).',
    next: '이제 요청 본문을 보내세요. 최종 상태 코드는 그다음에 옵니다.',
  },
  'http.200': {
    meaning: '요청이 성공했습니다. 본문에 요청한 내용(예: 웹 페이지)이 들어 있습니다 (RFC 9110 §15.3.1).',
    next: '본문을 화면에 보여 주고, 페이지가 가리키는 이미지와 스타일시트를 가져오세요.',
  },
  'http.201': {
    meaning: '요청으로 서버에 새 자원이 만들어졌습니다. Location 헤더가 그 주소입니다 (RFC 9110 §15.3.2).',
    next: '계속 진행하세요. 만들어진 것을 보려면 Location 주소를 GET 하세요.',
  },
  'http.204': {
    meaning: '요청은 성공했지만 보여 줄 본문이 없습니다 (RFC 9110 §15.3.5).',
    next: '지금 페이지를 그대로 두고 계속하세요.',
  },
  'http.301': {
    meaning: '요청한 자원이 Location 헤더의 주소로 영구히 옮겨졌습니다 (RFC 9110 §15.4.2).',
    next: 'Location 주소로 다시 요청하고, 앞으로는 그 주소를 쓰세요.',
  },
  'http.302': {
    meaning: '요청한 자원이 지금은 Location 헤더의 주소에 있습니다 (RFC 9110 §15.4.3).',
    next: '이번에는 Location 주소로 요청하되, 원래 주소는 그대로 기억해 두세요.',
  },
  'http.303': {
    meaning:
      '폼을 처리했습니다. 결과는 Location 헤더가 가리키는 다른 페이지에서 보면 됩니다 (RFC 9110 §15.4.4).',
    next: 'Location 주소를 GET 하세요. 그러면 새로고침해도 폼이 두 번 전송되지 않습니다.',
  },
  'http.304': {
    meaning: '브라우저에 있는 사본이 아직 최신이라서 본문을 보내지 않았습니다 (RFC 9110 §15.4.5).',
    next: '캐시에 있는 사본을 보여 주세요.',
  },
  'http.400': {
    meaning: '요청의 문법이 잘못되어 서버가 이해하지 못했습니다 (RFC 9110 §15.5.1).',
    next: '요청 줄이나 헤더를 고쳐서 다시 보내세요.',
  },
  'http.401': {
    meaning: '로그인이 필요한데, 요청에 서버가 받아들일 인증 정보가 없었습니다 (RFC 9110 §15.5.2).',
    next: 'WWW-Authenticate 헤더가 요구하는 대로 로그인한 뒤 다시 시도하세요.',
  },
  'http.403': {
    meaning: '서버가 요청을 이해했지만 거부했습니다. 다시 로그인해도 달라지지 않습니다 (RFC 9110 §15.5.4).',
    next: '이 사용자가 볼 수 있는 것만 요청하세요.',
  },
  'http.404': {
    meaning: '이 서버의 해당 주소에는 아무것도 없습니다 (RFC 9110 §15.5.5).',
    next: '주소를 확인하거나, 존재하는 페이지의 링크를 따라가세요.',
  },
  'http.405': {
    meaning:
      '이 주소는 이 메서드를 받지 않습니다. 받는 메서드는 Allow 헤더에 나와 있습니다 (RFC 9110 §15.5.6).',
    next: 'Allow에 나온 메서드로 요청을 다시 보내세요.',
  },
  'http.408': {
    meaning: '서버가 요청의 나머지를 너무 오래 기다리다가 연결을 끊었습니다 (RFC 9110 §15.5.9).',
    next: '새 연결을 열고 요청 전체를 다시 보내세요.',
  },
  'http.411': {
    meaning:
      '요청에 본문이 있는데 Content-Length가 없어서 서버가 본문의 끝을 알 수 없습니다 (RFC 9110 §15.5.12).',
    next: '본문 크기(바이트)를 Content-Length에 넣어 다시 보내세요.',
  },
  'http.413': {
    meaning: '요청 본문이 이 서버가 받는 크기보다 큽니다 (RFC 9110 §15.5.14).',
    next: '메시지를 줄이거나 첨부 파일을 빼서 더 작은 본문을 보내세요.',
  },
  'http.414': {
    meaning: '요청 줄의 주소가 이 서버가 읽는 길이보다 깁니다 (RFC 9110 §15.5.15).',
    next: '더 짧은 주소를 쓰세요. 긴 데이터는 POST 본문에 담아 보내면 됩니다.',
  },
  'http.415': {
    meaning: '서버가 이곳에서 이 Content-Type의 본문을 받지 않습니다 (RFC 9110 §15.5.16).',
    next: '폼처럼 서버가 받는 형식으로 본문을 보내세요.',
  },
  'http.417': {
    meaning: '서버가 요청의 Expect 헤더를 만족시킬 수 없습니다 (RFC 9110 §15.5.18).',
    next: 'Expect 헤더 없이 요청을 다시 보내세요.',
  },
  'http.431': {
    meaning: '요청 헤더를 모두 합친 크기가 서버가 받기에 너무 큽니다 (RFC 6585 §5).',
    next: '쿠키를 줄이는 등 헤더를 더 적고 짧게 해서 보내세요.',
  },
  'http.500': {
    meaning: '올바른 요청을 처리하던 중에 서버 안에서 문제가 생겼습니다 (RFC 9110 §15.6.1).',
    next: '서버 쪽 문제이니 나중에 다시 시도하거나 서버 관리자에게 알리세요.',
  },
  'http.501': {
    meaning: '서버가 이 메서드를 아예 지원하지 않습니다 (RFC 9110 §15.6.2).',
    next: 'GET이나 POST처럼 서버가 지원하는 메서드를 쓰세요.',
  },
  'http.502': {
    meaning:
      '게이트웨이 역할을 하는 서버가 뒤쪽 서버에서 쓸 만한 응답을 받지 못했습니다 (RFC 9110 §15.6.3). 웹메일이 메일 서버에 닿지 못할 때가 그렇습니다.',
    next: '뒤쪽 서버가 살아나야 하니 나중에 다시 시도하세요.',
  },
  'http.503': {
    meaning: '서버가 과부하이거나 잠시 멈춰 있어서 지금은 요청을 처리할 수 없습니다 (RFC 9110 §15.6.4).',
    next: '기다렸다가(Retry-After가 있으면 그만큼) 다시 시도하세요.',
  },
  'http.504': {
    meaning: '게이트웨이 역할을 하는 서버가 뒤쪽 서버의 응답을 제때 받지 못했습니다 (RFC 9110 §15.6.5).',
    next: '잠시 후에 다시 시도하세요.',
  },
  'http.505': {
    meaning: '서버가 요청 줄에 적힌 HTTP 버전을 지원하지 않습니다 (RFC 9110 §15.6.6).',
    next: 'HTTP/1.1로 요청을 다시 보내세요.',
  },
};

/** httpReplyText explains every catalogued HTTP status; the Record types make a language incomplete without one. */
export const httpReplyText: Localized<Readonly<Record<CataloguedHttpReplyId, ReplyExplanation>>> = {
  en: EN,
  ko: KO,
};
