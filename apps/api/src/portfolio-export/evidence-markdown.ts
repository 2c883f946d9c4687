import { type PortfolioEvidenceItem, evidenceTypeLabels } from '@portfolio/contracts';

/**
 * One evidence item as a Markdown file: YAML front matter (every string JSON-quoted, which YAML
 * reads as it is), the body as written, then its framework elements, addenda and attachments,
 * the attachments linked by their place in the ZIP.
 */
export function evidenceMarkdown(item: PortfolioEvidenceItem): string {
  const quote = (value: string | null) => (value === null ? 'null' : JSON.stringify(value));
  const frontMatter = [
    '---',
    `id: ${quote(item.id)}`,
    `title: ${quote(item.title)}`,
    `type: ${quote(item.type)}`,
    `date: ${quote(item.occurredOn)}`,
    `status: ${quote(item.status)}`,
    `visibility: ${quote(item.visibility)}`,
    `created: ${quote(item.createdAt)}`,
    `updated: ${quote(item.updatedAt)}`,
    `submitted: ${quote(item.submittedAt)}`,
    `locked: ${quote(item.lockedAt)}`,
    ...list(
      'elements',
      item.links.map((link) => [
        `code: ${quote(link.elementCode)}`,
        `title: ${quote(link.elementTitle)}`,
        `stage: ${quote(link.stageKey)}`,
        `framework: ${quote(`${link.frameworkKey} ${link.frameworkVersion}`)}`,
      ]),
    ),
    ...list(
      'attachments',
      item.attachments.map((attachment) => [
        `path: ${quote(relativeToEvidence(attachment.path))}`,
        `sha256: ${quote(attachment.sha256)}`,
        `size: ${attachment.size}`,
        `contentType: ${quote(attachment.contentType)}`,
      ]),
    ),
    '---',
  ];
  const sections = [
    `# ${oneLine(item.title)}`,
    `${evidenceTypeLabels[item.type]}, ${item.occurredOn}.`,
    item.body.trim() || '_No text._',
  ];
  if (item.links.length > 0) {
    sections.push(
      '## Framework elements',
      item.links
        .map((link) => {
          const note = link.note ? `: ${oneLine(link.note)}` : '';
          return `- **${link.elementCode}** ${oneLine(link.elementTitle)} (${link.stageKey} stage)${note}`;
        })
        .join('\n'),
    );
  }
  if (item.addenda.length > 0) {
    sections.push(
      '## Addenda',
      ...item.addenda.map(
        (addendum) => `### ${addendum.createdAt}, ${oneLine(addendum.authorName)}\n\n${addendum.body}`,
      ),
    );
  }
  if (item.attachments.length > 0) {
    sections.push(
      '## Attachments',
      item.attachments
        .map(
          (attachment) =>
            `- [${escapeLinkText(attachment.fileName)}](${relativeToEvidence(attachment.path)}) ` +
            `(${attachment.contentType}, ${attachment.size} bytes, SHA-256 ${attachment.sha256})`,
        )
        .join('\n'),
    );
  }
  return `${frontMatter.join('\n')}\n\n${sections.join('\n\n')}\n`;
}

function list(name: string, entries: string[][]): string[] {
  if (entries.length === 0) return [`${name}: []`];
  return [
    `${name}:`,
    ...entries.flatMap((fields) => fields.map((field, index) => `${index ? '    ' : '  - '}${field}`)),
  ];
}

// Evidence files sit in evidence/, attachments in attachments/<stem>/.
function relativeToEvidence(path: string): string {
  return `../${path}`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function escapeLinkText(text: string): string {
  return text.replace(/[[\]\\]/g, '\\$&');
}
