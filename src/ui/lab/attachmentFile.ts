// A file a person attaches in the compose form, turned into a draft attachment: text stays text, any other bytes
// travel as Base64 in the input, so the message arrives byte for byte. Files too large for the page's address,
// which keeps every input, are refused with the reason instead of half-recorded.
import { encodeBase64 } from '../../protocols/message/base64.ts';
import { bytesToOctets } from '../../protocols/shared/octets.ts';
import type { DraftAttachment } from '../../sim/input.ts';

/**
 * ATTACHMENT_LIMIT_BYTES is the largest file the compose form takes: as Base64 it is a third larger, and the
 * page's address (a link's `inputs`, at most SCENARIO_LIMITS.bytes) must still hold it with room to spare.
 */
export const ATTACHMENT_LIMIT_BYTES = 256 * 1024;

/** AttachedFile is a file read for a draft, or why it was refused. */
export type AttachedFile =
  | { readonly ok: true; readonly attachment: DraftAttachment; readonly bytes: number }
  | { readonly ok: false; readonly problem: 'tooLarge'; readonly filename: string; readonly bytes: number };

/**
 * attachFile reads `file` for a draft. A file whose type is text (or unknown) and whose bytes are UTF-8 becomes a
 * text attachment; anything else, a photo or a PDF, keeps its bytes as Base64 and its type (or
 * application/octet-stream).
 */
export async function attachFile(file: Blob & { readonly name: string }): Promise<AttachedFile> {
  if (file.size > ATTACHMENT_LIMIT_BYTES)
    return { ok: false, problem: 'tooLarge', filename: file.name, bytes: file.size };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = file.type;
  if (type === '' || type.startsWith('text/')) {
    const text = utf8(bytes);
    if (text !== null)
      return {
        ok: true,
        bytes: bytes.length,
        attachment: {
          filename: file.name,
          text,
          ...(type && type !== 'text/plain' ? { contentType: type } : {}),
        },
      };
  }
  return {
    ok: true,
    bytes: bytes.length,
    attachment: {
      filename: file.name,
      contentType: type || 'application/octet-stream',
      base64: encodeBase64(bytesToOctets(bytes)),
    },
  };
}

function utf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}
