import { createHash } from 'node:crypto';

import {
  PORTFOLIO_SCHEMA_VERSION,
  type PortfolioAssessment,
  type PortfolioExport,
  type PortfolioExportPurpose,
  portfolioSchemaV1,
} from '@portfolio/contracts';

import type { FileStorage } from '../storage/file-storage';
import { evidenceMarkdown } from './evidence-markdown';
import type { ExportedEvidence, PortfolioReader } from './portfolio-reader';
import { portfolioReadme } from './portfolio-readme';
import type { PortfolioSummary } from './portfolio-summary';
import type { ZipEntryWriter, ZipStream } from './zip-stream';

export interface ArchiveSources {
  reader: PortfolioReader;
  storage: FileStorage;
  renderPdf: (summary: PortfolioSummary) => Promise<Buffer>;
}

export interface ArchiveRequest {
  purpose: PortfolioExportPurpose;
  exportedAt: string;
}

type Header = Omit<PortfolioExport, 'evidence' | 'assessments'>;

/**
 * Writes the whole portfolio into `zip`: README, schema, portfolio.json (streamed item by item),
 * each item's Markdown and attachments, each assessment, then the summary PDF. The evidence is
 * read twice, once for portfolio.json and once for the files, a batch at a time each time.
 */
export async function writePortfolioArchive(
  zip: ZipStream,
  { reader, storage, renderPdf }: ArchiveSources,
  { purpose, exportedAt }: ArchiveRequest,
): Promise<void> {
  const header: Header = {
    schemaVersion: PORTFOLIO_SCHEMA_VERSION,
    exportedAt,
    purpose,
    trainee: await reader.trainee(),
    trainingRecords: await reader.trainingRecords(),
    supervisors: await reader.supervisors(),
    elementSignOffs: await reader.elementSignOffs(),
    progressionOutcomes: await reader.progressionOutcomes(),
  };
  const summary: PortfolioSummary = {
    exportedAt,
    purpose,
    trainee: header.trainee,
    trainingRecords: header.trainingRecords,
    evidence: [],
    assessments: [],
    elementSignOffs: header.elementSignOffs,
    progressionOutcomes: header.progressionOutcomes,
  };

  await zip.addFile('README.txt', portfolioReadme(header.trainee.name, exportedAt, purpose), true);
  await zip.addFile('portfolio.schema.json', `${JSON.stringify(portfolioSchemaV1, null, 2)}\n`, true);
  await writePortfolioJson(zip.openFile('portfolio.json', true), header, reader, summary);

  for await (const batch of reader.evidence()) {
    for (const exported of batch) {
      await zip.addFile(exported.item.path, evidenceMarkdown(exported.item), true);
      await writeAttachments(zip, storage, exported);
    }
  }
  for await (const batch of reader.assessments()) {
    for (const assessment of batch) {
      await zip.addFile(assessment.path, `${JSON.stringify(assessment, null, 2)}\n`, true);
    }
  }
  await zip.addFile('portfolio.pdf', await renderPdf(summary), false);
  zip.finish();
}

async function writePortfolioJson(
  entry: ZipEntryWriter,
  header: Header,
  reader: PortfolioReader,
  summary: PortfolioSummary,
): Promise<void> {
  // The header's JSON without its closing brace, then each array written as it is read.
  await entry.write(JSON.stringify(header, null, 2).replace(/\n}$/, ''));
  await writeArray(entry, 'evidence', reader.evidence(), ({ item }: ExportedEvidence) => {
    summary.evidence.push({
      title: item.title,
      occurredOn: item.occurredOn,
      type: item.type,
      status: item.status,
      elementCodes: [...new Set(item.links.map((link) => link.elementCode))],
      attachments: item.attachments.length,
      path: item.path,
    });
    return item;
  });
  await writeArray(entry, 'assessments', reader.assessments(), (assessment: PortfolioAssessment) => {
    summary.assessments.push({
      title: assessment.title,
      templateTitle: assessment.template.title,
      status: assessment.status,
      signedAt: assessment.signature?.signedAt ?? null,
      signedBy: assessment.signature?.signedBy ?? null,
      overallJudgementTitle: assessment.overallJudgementTitle,
      contentSha256: assessment.signature?.contentSha256 ?? null,
      path: assessment.path,
    });
    return assessment;
  });
  await entry.write('\n}\n');
  await entry.close();
}

async function writeArray<Read>(
  entry: ZipEntryWriter,
  name: string,
  batches: AsyncIterable<Read[]>,
  toJson: (value: Read) => unknown,
): Promise<void> {
  await entry.write(`,\n  ${JSON.stringify(name)}: [`);
  let count = 0;
  for await (const batch of batches) {
    for (const value of batch) {
      const json = JSON.stringify(toJson(value), null, 2).replace(/\n/g, '\n    ');
      await entry.write(`${count === 0 ? '' : ','}\n    ${json}`);
      count += 1;
    }
  }
  await entry.write(count === 0 ? ']' : '\n  ]');
}

async function writeAttachments(zip: ZipStream, storage: FileStorage, { item, storageKeys }: ExportedEvidence) {
  for (const attachment of item.attachments) {
    const entry = zip.openFile(attachment.path, attachment.contentType.startsWith('text/'));
    const hash = createHash('sha256');
    for await (const piece of storage.read(storageKeys.get(attachment.id) ?? '')) {
      hash.update(piece);
      await entry.write(piece);
    }
    // A file that no longer matches its recorded hash would be passed on as genuine: fail the download instead.
    if (hash.digest('hex') !== attachment.sha256) {
      throw new Error(`attachment ${attachment.id} does not match its SHA-256`);
    }
    await entry.close();
  }
}
