import { describe, expect, it } from 'vitest';
import { SCREENSHOTS, useBrowser } from './useBrowser.ts';

describe('the inspector on an HTTP exchange of the webmail scenario', () => {
  const { browser, baseUrl } = useBrowser();

  it('shows the request and response heads, the body size and the page’s objects, in Korean', async () => {
    const { page, errors } = await browser.open(
      `${baseUrl}?story=Inspector&scenario=webmail&lang=ko&conn=c3&cursor=640`,
    );
    await page.setViewportSize({ width: 1280, height: 720 });
    const line = page.locator('.transcript li button', { hasText: 'GET /inbox HTTP/1.1' });
    await line.focus();
    // The transcript explains the request line by its method, from the line's facts.
    await expect
      .poll(() => page.getByRole('tooltip').textContent())
      .toContain('객체(페이지, 스타일시트, 이미지)');
    await line.click();
    const exchange = page.getByTestId('http-exchange');
    await exchange.waitFor();
    await expect(exchange.getByRole('heading', { level: 3 }).textContent()).resolves.toMatch(
      /^HTTP 교환 \(이 연결의 \d+번째 요청\)$/,
    );
    const request = await page.getByTestId('http-request-head').innerText();
    expect(request.split('\n')[0]).toBe('GET /inbox HTTP/1.1');
    expect(request).toContain('Cookie: ••••••••');
    expect(await page.getByTestId('http-response-head').innerText()).toMatch(/^HTTP\/1\.1 200 OK\n/);
    expect(await page.getByTestId('http-response-body').innerText()).toMatch(/^응답 본문 \d+옥텟$/);
    expect(await page.getByTestId('http-total').innerText()).toContain(
      '연결은 다음 요청을 위해 열려 있습니다',
    );
    expect(await page.getByTestId('http-page').innerText()).toMatch(/객체 \d+개, 객체마다 응답 하나씩/);
    await expect(exchange.locator('li.current').innerText()).resolves.toContain('GET /inbox → 200');
    // A body is a line of the transcript of its own, by its size, never its text.
    await expect(page.locator('.transcript li[data-role="body"]').count()).resolves.toBeGreaterThan(3);
    await page.screenshot({ path: `${SCREENSHOTS}http-inspector-ko.png` });
    expect(errors).toEqual([]);
    await page.close();
  });
});
