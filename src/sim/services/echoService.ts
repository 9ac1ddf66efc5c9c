// The Echo protocol (RFC 862) in line mode: every line received goes straight back. The built-in TCP demo
// uses it because it exercises connections without any mail protocol on top.
import { LineFramer } from '../../protocols/shared/lineFramer.ts';
import { octetsToUtf8 } from '../../protocols/shared/octets.ts';
import type { ServiceContext } from './service.ts';

const MAX_LINE = 4096;

/** startEchoService listens on `port` of the context's host and echoes each CRLF-terminated line. */
export function startEchoService(ctx: ServiceContext, port: number): void {
  ctx.network.listen(ctx.host, port, (socket) => {
    const framer = new LineFramer(MAX_LINE);
    socket.onEvent((event) => {
      if (event.type === 'data') {
        for (const framed of framer.push(event.data)) {
          const line = framed.kind === 'line' ? framed.line : framed.prefix;
          ctx.emit({
            kind: 'app.line',
            conn: socket.conn,
            host: ctx.host,
            protocol: 'echo',
            from: 'server',
            line: octetsToUtf8(line),
          });
          socket.write(`${line}\r\n`);
        }
      } else if (event.type === 'end') {
        socket.close();
      }
    });
  });
}
