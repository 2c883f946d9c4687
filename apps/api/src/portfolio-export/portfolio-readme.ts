import { PORTFOLIO_SCHEMA_VERSION, type PortfolioExportPurpose } from '@portfolio/contracts';

/** README.txt: what the ZIP holds and how to check it, for whoever opens it years from now. */
export function portfolioReadme(traineeName: string, exportedAt: string, purpose: PortfolioExportPurpose): string {
  const madeFor =
    purpose === 'subject-access-request'
      ? 'It was exported by a deanery administrator to answer a subject access request.'
      : 'It was downloaded by the trainee.';
  return `Leadership portfolio of ${traineeName}
Exported ${exportedAt}. ${madeFor}

What is in this ZIP
  portfolio.json         Everything in the portfolio as data: the trainee, training records,
                         supervisors, every evidence item (with its framework links, addenda and
                         attachments), every assessment (answers, judgements, rounds and signatures),
                         element sign-offs and final progression outcomes.
  portfolio.schema.json  The JSON Schema (draft 2020-12) portfolio.json follows.
  portfolio.pdf          A readable summary: contents, every item's title, date, type and elements,
                         signed assessments with their judgements and hashes.
  evidence/              Each evidence item as a Markdown file, numbered in date order.
  attachments/           The files attached to each item, in a folder named like its Markdown file.
  assessments/           Each assessment as JSON, with its signature where it was signed off.

Checking it
  Each attachment's SHA-256 is in portfolio.json (evidence[].attachments[].sha256) and in its
  item's Markdown file: "sha256sum <file>" should print the same.
  A signed assessment's signature.contentSha256 is the SHA-256 of the canonical JSON of
  signature.content (object keys sorted, no white space), as it was when it was signed.

Format version
  schemaVersion ${PORTFOLIO_SCHEMA_VERSION}. A change in the first number means a reader of an older
  version may misread the file; the other numbers only add optional fields.
`;
}
