import { describe, expect, it } from 'vitest';
import { parseMarkdownV2, parseMessageText, parseTelegramHtml } from '../../src/simulator/index.js';

describe('parseTelegramHtml', () => {
  it.each([
    ['<b>Rp1.500.000</b> terjual', 'Rp1.500.000 terjual'],
    ['<strong>a</strong><i>b</i><em>c</em><u>d</u><ins>e</ins><s>f</s><strike>g</strike><del>h</del>', 'abcdefgh'],
    ['<a href="https://t.me/misi_dagang_bot?start=a&amp;b">buka</a>', 'buka'],
    ['<code>x &lt; y</code> &amp; <pre><code class="language-ts">let z;</code></pre>', 'x < y & let z;'],
    ['<span class="tg-spoiler">rahasia</span> <tg-spoiler>juga</tg-spoiler>', 'rahasia juga'],
    ['<blockquote expandable>kutipan</blockquote>', 'kutipan'],
    ['<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>', '👍'],
    ['&quot;Kopi&quot; &#8212; &#x1F600;', '"Kopi" — 😀'],
    ['  <b>trimmed</b>  \n', 'trimmed'],
    ['Harga > Rp10.000', 'Harga > Rp10.000'],
    ['<B>Upper</B>', 'Upper'],
  ])('accepts %j as %j', (html, plain) => {
    const result = parseTelegramHtml(html);
    expect(result).toMatchObject({ ok: true, plain });
  });

  it.each([
    ['Rp1 M < target', 'Unsupported start tag "" at byte offset 6'],
    ['<br>baris', 'Unsupported start tag "br" at byte offset 0'],
    ['<div>x</div>', 'Unsupported start tag "div" at byte offset 0'],
    ['<b>tebal', `Can't find end tag corresponding to start tag "b"`],
    ['<b><i>x</b></i>', 'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"'],
    ['x</b>', 'Unexpected end tag at byte offset 1'],
    ['Kopi & Teh', 'Character "&" at byte offset 5 must be escaped as "&amp;"'],
    ['Kopi&nbsp;Teh', 'Unsupported HTML entity "&nbsp;" at byte offset 4'],
    ['<span>x</span>', 'Tag "span" must have class "tg-spoiler" at byte offset 0'],
    ['é <b', 'Unclosed start tag at byte offset 3'],
  ])('rejects %j', (html, error) => {
    const result = parseTelegramHtml(html);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(error);
  });

  it('produces entities with UTF-16 offsets, sorted, links and languages included', () => {
    const result = parseTelegramHtml('😀 <b>Halo <i>Bu</i></b> <a href="https://x.id">x</a> <pre><code class="language-py">p</code></pre>');
    expect(result).toEqual({
      ok: true,
      plain: '😀 Halo Bu x p',
      entities: [
        { type: 'bold', offset: 3, length: 7 },
        { type: 'italic', offset: 8, length: 2 },
        { type: 'text_link', offset: 11, length: 1, url: 'https://x.id' },
        { type: 'pre', offset: 13, length: 1, language: 'py' },
      ],
    });
  });
});

describe('parseMarkdownV2 and parseMessageText', () => {
  it.each([
    ['*tebal* _miring_ __garis__ ~coret~ ||spoiler||', 'tebal miring garis coret spoiler'],
    ['Rp1\\.500\\.000 \\- lunas\\!', 'Rp1.500.000 - lunas!'],
    ['[situs](https://jatimprov.go.id) `kode`', 'situs kode'],
  ])('accepts %j', (text, plain) => {
    expect(parseMarkdownV2(text)).toMatchObject({ ok: true, plain });
  });

  it.each([
    ['Rp1.500.000', "Character '.' is reserved"],
    ['*tebal', "Can't find end of bold entity"],
  ])('rejects %j', (text, error) => {
    const result = parseMarkdownV2(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(error);
  });

  it('keeps plain text and explicit entities when there is no parse_mode', () => {
    const entities = [{ type: 'bold', offset: 0, length: 4 }];
    expect(parseMessageText('Halo <b>', undefined, entities)).toEqual({ ok: true, plain: 'Halo <b>', entities });
    expect(parseMessageText('x', 'Html', undefined)).toMatchObject({ ok: true, plain: 'x' });
    expect(parseMessageText('x', 'BBCode', undefined)).toMatchObject({ ok: false, unsupportedMode: true });
  });
});
