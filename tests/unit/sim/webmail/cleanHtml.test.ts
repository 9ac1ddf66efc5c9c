// The simulated webmail's own HTML cleaner: what it keeps, what it drops, and that it needs no DOM.
import { describe, expect, it } from 'vitest';
import { cleanHtml } from '../../../../src/sim/webmail/cleanHtml.ts';

describe('the webmail server cleaning a message’s HTML part', () => {
  it('keeps the elements a message’s text needs, with their text', () => {
    expect(cleanHtml('<p>You <b>won</b> <i>a</i> <a href="https://crepes.fr/menu">menu</a></p>')).toBe(
      '<p>You <b>won</b> <i>a</i> <a href="https://crepes.fr/menu" title="https://crepes.fr/menu">menu</a></p>',
    );
  });

  it('drops scripts, styles and frames with everything they hold, and handlers on the elements it keeps', () => {
    const clean = cleanHtml(
      '<p onclick="steal()" style="color:red">Hi</p><script>steal()</script><style>p{}</style>' +
        '<iframe src="https://evil.example"></iframe><svg><script>x()</script></svg>',
    );
    expect(clean).toBe('<p>Hi</p>');
  });

  it('drops what would load something: images, and links other than web and mail ones', () => {
    expect(cleanHtml('<img src="https://evil.example/pixel" alt="x">Hello')).toBe('Hello');
    expect(cleanHtml('<a href="javascript:alert(1)">a</a>')).toBe('<a>a</a>');
    // A scheme spelt with references or a tab inside is still the same scheme to a browser.
    expect(cleanHtml('<a href="java&#x09;script&#58;alert(1)">a</a>')).toBe('<a>a</a>');
    expect(cleanHtml('<a href="mailto:bob@hamburger.edu">Bob</a>')).toContain(
      'href="mailto:bob@hamburger.edu"',
    );
  });

  it('escapes every text and value again, so nothing read as text becomes markup', () => {
    expect(cleanHtml('a &lt;script&gt; b < c & d')).toBe('a &lt;script&gt; b &lt; c &amp; d');
    expect(cleanHtml('<p title="&quot;><script>x()</script>">t</p>')).toBe(
      '<p title="&quot;&gt;&lt;script&gt;x()&lt;/script&gt;">t</p>',
    );
    expect(cleanHtml('<!-- <script>x()</script> --><p>shown</p>')).toBe('<p>shown</p>');
  });

  it('closes what it opened and drops end tags of elements that are not open', () => {
    expect(cleanHtml('<ul><li>one<li>two</ul></div><b>bold')).toBe(
      '<ul><li>one<li>two</li></li></ul><b>bold</b>',
    );
  });

  it('ends the part at a tag that is never closed, as HTML does', () => {
    expect(cleanHtml('<p>before</p><a href="https://x.example" onclick="y()')).toBe('<p>before</p>');
  });

  it('keeps Korean text and character references as text', () => {
    expect(cleanHtml('<p>점심 드셨어요? &amp; 5 &#8364;</p>')).toBe('<p>점심 드셨어요? &amp; 5 €</p>');
  });
});
