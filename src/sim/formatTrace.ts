// A trace as text a person reads in a terminal: one line per event that matters, aligned by time.
import type { Endpoint } from '../net/types.ts';
import { formatRecord } from '../protocols/dns/dnsMessage.ts';
import { escapeControls, shownLine } from './shownLine.ts';
import type { FetchFailure, Trace, TraceEvent, WebFailure } from './trace.ts';

function at(t: number): string {
  return `${(t / 1000).toFixed(3).padStart(10)} s`;
}

function ep(e: Endpoint): string {
  return `${e.host}:${e.port}`;
}

// A reader's failure in a terminal's few words; the lab phrases the same facts in the reader's language.
function failureNote(f: FetchFailure | WebFailure): string {
  switch (f.why) {
    case 'no-address':
      return `no address for ${f.server} (${f.dns})`;
    case 'connect':
      return `connect to ${f.server}[${f.address}]:${f.port}: ${f.error}`;
    case 'ended':
      return `ended: ${f.end}`;
    case 'answered':
      return `${f.status} ${f.text}`;
    case 'http':
      return `http: ${f.failure}`;
    case 'bad-address':
      return `cannot read "${f.address}"`;
    case 'no-site':
      return 'no site open';
  }
}

/** describeEvent is the one-line text of an event, or null for events too fine to list (segment arrivals). */
export function describeEvent(e: TraceEvent): string | null {
  switch (e.kind) {
    case 'sim.start':
      return `start ${e.scenario} (seed ${e.seed})`;
    case 'input': {
      const i = e.input;
      if (i.type === 'terminal.open') return `input   ${i.host}: telnet ${i.target} ${i.port}`;
      if (i.type === 'terminal.type') return `input   ${i.host}: types "${escapeControls(i.text)}"`;
      if (i.type === 'terminal.close') return `input   ${i.host}: closes the connection`;
      if (i.type === 'mail.send')
        return `input   ${i.host}: sends "${i.subject ?? ''}" to ${(i.to ?? []).join(', ')}`;
      if (i.type === 'mail.fetch')
        return `input   ${i.host}: fetches mail with ${i.protocol}${i.protocol === 'pop3' ? ` (${i.mode ?? 'delete'})` : ''}`;
      if (
        i.type === 'mail.open' ||
        i.type === 'mail.delete' ||
        i.type === 'mail.move' ||
        i.type === 'mail.flag'
      )
        return `input   ${i.host}: ${i.type.slice(5)} ${i.folder}/${i.uid}`;
      if (i.type === 'mail.search') return `input   ${i.host}: searches ${i.folder} for "${i.query}"`;
      if (i.type === 'web.open') return `input   ${i.host}: browser opens ${i.url}`;
      if (i.type === 'web.login') return `input   ${i.host}: browser logs in as ${i.user}`;
      if (i.type === 'web.read') return `input   ${i.host}: browser reads message ${i.uid}`;
      if (i.type === 'web.send')
        return `input   ${i.host}: browser sends "${i.subject ?? ''}" to ${i.to.join(', ')}`;
      return `input   fault ${JSON.stringify(i.fault)}`;
    }
    case 'fault.ended':
      return `fault   ended ${JSON.stringify(e.fault)}`;
    case 'tcp.segment': {
      const options = [`seq=${e.seqNo}`];
      if (e.flags.includes('ACK')) options.push(`ack=${e.ackNo}`);
      options.push(`win=${e.window}`, `len=${e.bytes}`);
      if (e.mss !== undefined) options.push(`mss=${e.mss}`);
      const again = e.retransmission ? ' (retransmission)' : '';
      return `tcp     ${ep(e.from)} > ${ep(e.to)} [${e.flags.join(',')}] ${options.join(' ')}${again}`;
    }
    case 'tcp.arrived':
    case 'udp.arrived':
      return null;
    case 'udp.datagram':
      return `udp     ${ep(e.from)} > ${ep(e.to)} len=${e.bytes}`;
    case 'udp.dropped':
      return `drop    datagram #${e.datagram}: ${e.reason} at ${e.at}`;
    case 'tcp.dropped':
      return `drop    segment #${e.segment} of ${e.conn}: ${e.reason} at ${e.at}`;
    case 'tcp.state':
      return `state   ${e.host}:${e.port} ${e.from} -> ${e.to}`;
    case 'tcp.error':
      return `error   ${e.host} ${e.conn}: ${e.error}`;
    case 'app.line':
      return `${e.protocol.padEnd(7)} ${e.from === 'client' ? 'C' : 'S'}: ${shownLine(e)}`;
    case 'conn.opened':
      return `conn    ${e.conn} ${e.client} > ${e.server}:${e.port} (${e.protocol})`;
    case 'smtp.accepted':
      return `smtp    ${e.host} ${e.queueId}: accepted from <${e.from}> for ${e.recipients.map((r) => `<${r}>`).join(', ')}`;
    case 'terminal.connected':
      return `term    ${e.host} connected to ${e.target}:${e.port} (${e.protocol})`;
    case 'terminal.disconnected':
      return `term    ${e.host} disconnected (${e.how})`;
    case 'session.state':
      return `machine ${e.host} ${e.machine}: ${e.from} -> ${e.to}`;
    case 'http.body':
      return `http    ${e.from === 'client' ? 'C' : 'S'}: [body of request ${e.request}: ${e.size} octets${e.chunks === null ? '' : ` in ${e.chunks} chunks`}]`;
    case 'http.exchange':
      return `http    ${e.host} ${e.conn} #${e.request}: ${e.method ?? '?'} ${e.target ?? '?'} -> ${e.status} ${e.reason} (${e.responseOctets} octets, ${e.connection})`;
    case 'terminal.line':
      return `term    ${e.host} ${e.stream === 'out' ? '>' : e.stream === 'in' ? '<' : '|'} ${escapeControls(e.text)}`;
    case 'dns.query':
      return `dns     ${e.host} asks ${e.server ?? 'its hosts table'}: ${e.name} ${e.qtype}?`;
    case 'dns.answer':
      return `dns     ${e.host} ${e.cached ? 'answers from its cache' : 'learns'} ${e.name} ${e.qtype}: ${e.records.map(formatRecord).join('; ') || '(no records)'}`;
    case 'dns.failed':
      return `dns     ${e.host} gets no ${e.qtype} for ${e.name}: ${e.error}${e.cached ? ' (cached)' : ''}`;
    case 'mailbox.stored':
      return `mailbox ${e.user}@${e.host} ${e.folder}: stored UID ${e.uid} (${e.size} bytes)`;
    case 'mailbox.flags':
      return `mailbox ${e.user}@${e.host} ${e.folder}: UID ${e.uid} flags ${e.flags.join(' ') || '(none)'}`;
    case 'mailbox.expunged':
      return `mailbox ${e.user}@${e.host} ${e.folder}: expunged UID ${e.uid}`;
    case 'mailbox.appended':
      return `mailbox ${e.user}@${e.host} ${e.folder}: appended UID ${e.uid} (${e.size} bytes)`;
    case 'mailbox.copied':
      return `mailbox ${e.user}@${e.host} ${e.folder}: copied UID ${e.uid} to ${e.to} as UID ${e.toUid}`;
    case 'mailbox.created':
      return `mailbox ${e.user}@${e.host} ${e.folder}: created`;
    case 'mailbox.deleted':
      return `mailbox ${e.user}@${e.host} ${e.folder}: deleted${e.noselect ? ' (kept as \\Noselect)' : ''}`;
    case 'mailbox.renamed':
      return `mailbox ${e.user}@${e.host} ${e.folder}: renamed to ${e.to}`;
    case 'queue.enqueued':
      return `queue   ${e.host} ${e.queueId}: from <${e.from}> to ${e.recipients.map((r) => `<${r}>`).join(', ')}`;
    case 'queue.attempt':
      return `queue   ${e.host} ${e.queueId}: attempt ${e.attempt} for ${e.domain}${e.reused ? ` on ${e.reused.conn} (use ${e.reused.use})` : ''}`;
    case 'queue.deferred':
      return `queue   ${e.host} ${e.queueId}: <${e.recipient}> deferred (${e.reason}); next try at ${(e.nextAttemptAt / 1000).toFixed(3)} s`;
    case 'queue.delivered':
      return `queue   ${e.host} ${e.queueId}: <${e.recipient}> delivered to ${e.remote} (${e.reply})`;
    case 'queue.warned':
      return `queue   ${e.host} ${e.queueId}: delay warning sent for ${e.recipients.join(', ')}`;
    case 'queue.bounced':
      return `queue   ${e.host} ${e.queueId}: <${e.recipient}> bounced, ${e.status} (${e.reason})`;
    case 'queue.removed':
      return `queue   ${e.host} ${e.queueId}: removed`;
    case 'ua.submitted':
      return `ua      ${e.host} sends ${e.messageId} ${e.direct ? 'directly' : `via ${e.server}`} to ${e.recipients.join(', ')}`;
    case 'ua.result':
      return `ua      ${e.host} ${e.messageId}: ${e.outcome} (${e.detail})`;
    case 'ua.fetched':
      return `ua      ${e.host} fetched ${e.protocol} ${e.user}@${e.server} uid ${e.uid} (${e.size} bytes)`;
    case 'ua.fetchResult':
      return `ua      ${e.host} fetch from ${e.server} ${e.outcome}: ${e.count} new${e.listed === null ? '' : `, ${e.listed} listed`}${e.removed === null ? '' : `, ${e.removed} removed`}${e.failure === null ? '' : ` (${failureNote(e.failure)})`}`;
    case 'ua.imap':
      return `ua      ${e.host} imap ${e.user}@${e.server} ${e.reading.action}: ${JSON.stringify({ ...e.reading, action: undefined })}`;
    case 'web.fetch':
      return `web     ${e.host} ${e.method} ${e.site}${e.target} -> ${e.failure === null ? `${e.status} ${e.reason}` : `no answer (${failureNote(e.failure)})`}${e.conn === null ? '' : ` (${e.conn}${e.reused ? ', reused' : ''})`}${e.retry === undefined ? '' : ` [${e.retry}]`}`;
    case 'web.page':
      return `web     ${e.host} ${e.action} ${e.site}${e.target}: ${e.failure === null ? `${e.status} ${e.reason}` : `failed (${failureNote(e.failure)})`} (${e.objects} objects, ${e.requests} requests, ${e.connections.length} connections)`;
    case 'webmail.session':
      return `webmail ${e.host} ${e.user}: ${e.action}`;
    case 'host.down':
    case 'host.up':
      return `fault   ${e.host} is ${e.kind === 'host.up' ? 'up' : 'down'}`;
    case 'link.down':
    case 'link.up':
      return `fault   link ${e.link} is ${e.kind === 'link.up' ? 'up' : 'down'}`;
    case 'link.changed':
      return `fault   link ${e.link}: latency ${e.latency} ms, jitter ${e.jitter} ms, loss ${e.loss}`;
  }
}

/** formatTranscript renders a whole trace, one timed line per listed event. */
export function formatTranscript(trace: Trace): string {
  const lines: string[] = [];
  for (const event of trace) {
    const text = describeEvent(event);
    if (text !== null) lines.push(`${at(event.t)}  ${text}`);
  }
  return lines.join('\n') + '\n';
}
