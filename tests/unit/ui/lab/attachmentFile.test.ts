import { describe, expect, it } from 'vitest';
import { ATTACHMENT_LIMIT_BYTES, attachFile } from '../../../../src/ui/lab/attachmentFile.ts';

describe('a file chosen in the compose form', () => {
  it('is attached as text when it is text in UTF-8, its Korean name kept', async () => {
    const file = new File(['크레이프\nketchup\n'], '점심 메뉴.txt', { type: 'text/plain' });
    expect(await attachFile(file)).toEqual({
      ok: true,
      bytes: 21,
      attachment: { filename: '점심 메뉴.txt', text: '크레이프\nketchup\n' },
    });
  });

  it('keeps a text type other than text/plain', async () => {
    const attached = await attachFile(new File(['a,b\n'], 'menu.csv', { type: 'text/csv' }));
    expect(attached.ok && attached.attachment).toEqual({
      filename: 'menu.csv',
      contentType: 'text/csv',
      text: 'a,b\n',
    });
  });

  it('is attached as its bytes in Base64 when it is a photo', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]);
    const attached = await attachFile(new File([png], '사진.png', { type: 'image/png' }));
    expect(attached).toEqual({
      ok: true,
      bytes: 10,
      attachment: {
        filename: '사진.png',
        contentType: 'image/png',
        base64: Buffer.from(png).toString('base64'),
      },
    });
  });

  it('is attached as bytes, typed application/octet-stream, when it claims no type and is not UTF-8', async () => {
    const attached = await attachFile(new File([new Uint8Array([0xc3, 0x28])], 'blob'));
    expect(attached.ok && attached.attachment).toEqual({
      filename: 'blob',
      contentType: 'application/octet-stream',
      base64: 'wyg=',
    });
  });

  it('is refused, with its name and size, when the page’s address could not hold it', async () => {
    const big = new File([new Uint8Array(ATTACHMENT_LIMIT_BYTES + 1)], 'video.mp4', { type: 'video/mp4' });
    expect(await attachFile(big)).toEqual({
      ok: false,
      problem: 'tooLarge',
      filename: 'video.mp4',
      bytes: ATTACHMENT_LIMIT_BYTES + 1,
    });
  });
});
