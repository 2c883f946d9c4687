/**
 * A preview of Markdown as the trainee writes it. Everything typed is escaped first, so the
 * preview can never contain markup the trainee did not mean; only paragraphs, line breaks,
 * bulleted and numbered lists, bold and italic are then made. The saved item shows the server's
 * full rendering.
 */
export function markdownPreviewHtml(markdown: string): string {
  const blocks = escapeHtml(markdown.replace(/\r\n?/g, '\n'))
    .split(/\n\s*\n/)
    .map((block) => block.replace(/^\n+|\n+$/g, ''))
    .filter((block) => block.trim() !== '');
  return blocks.map(renderBlock).join('\n');
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const bulletLine = /^\s*[-*+]\s+(.*)$/;
const numberedLine = /^\s*\d+[.)]\s+(.*)$/;

function renderBlock(block: string): string {
  const lines = block.split('\n');
  if (lines.every((line) => bulletLine.test(line))) {
    return `<ul>${lines.map((line) => `<li>${renderInline(line.replace(bulletLine, '$1'))}</li>`).join('')}</ul>`;
  }
  if (lines.every((line) => numberedLine.test(line))) {
    return `<ol>${lines.map((line) => `<li>${renderInline(line.replace(numberedLine, '$1'))}</li>`).join('')}</ol>`;
  }
  return `<p>${lines.map(renderInline).join('<br>')}</p>`;
}

function renderInline(text: string): string {
  return text
    .replace(/\*\*(?=\S)(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/__(?=\S)(.+?)__/g, '<strong>$1</strong>')
    .replace(/(^|[^*])\*(?=\S)([^*]+?)\*/g, '$1<em>$2</em>')
    .replace(/(^|[^\w])_(?=\S)([^_]+?)_(?!\w)/g, '$1<em>$2</em>');
}
