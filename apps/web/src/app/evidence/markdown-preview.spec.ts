import { markdownPreviewHtml } from './markdown-preview';

describe('markdownPreviewHtml', () => {
  it('makes paragraphs, line breaks, bold and italic', () => {
    expect(markdownPreviewHtml('I **led** the *handover*.\nThen _reflected_.\n\nSecond paragraph')).toBe(
      '<p>I <strong>led</strong> the <em>handover</em>.<br>Then <em>reflected</em>.</p>\n<p>Second paragraph</p>',
    );
  });

  it('makes bulleted and numbered lists', () => {
    expect(markdownPreviewHtml('- one\n- **two**\n\n1. first\n2. second')).toBe(
      '<ul><li>one</li><li><strong>two</strong></li></ul>\n<ol><li>first</li><li>second</li></ol>',
    );
  });

  it('escapes everything typed, so no markup gets through', () => {
    const html = markdownPreviewHtml('<img src=x onerror="alert(1)"> & <script>alert(2)</script>');
    expect(html).toBe(
      '<p>&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &lt;script&gt;alert(2)&lt;/script&gt;</p>',
    );
    expect(markdownPreviewHtml('**<b>bold</b>**')).toBe('<p><strong>&lt;b&gt;bold&lt;/b&gt;</strong></p>');
  });

  it('leaves snake_case words and lone asterisks alone', () => {
    expect(markdownPreviewHtml('see file_name_here and 2 * 3 * 4')).toBe('<p>see file_name_here and 2 * 3 * 4</p>');
  });

  it('gives nothing for nothing written', () => {
    expect(markdownPreviewHtml('  \n\n ')).toBe('');
  });
});
