import { BadRequestException, Injectable } from '@nestjs/common';
import { isEmail } from 'class-validator';
import { parse } from 'csv-parse/sync';
import { DataSource, type EntityManager } from 'typeorm';

import { type ImportLineError, type TraineeImportResult, traineeImportColumns } from '@portfolio/contracts';

import { AuditService } from '../audit/audit.service';
import type { SessionUser } from '../auth/session.service';

type Column = (typeof traineeImportColumns)[number];
type CsvRow = Record<Column, string>;

interface CheckedRow {
  line: number;
  row: CsvRow;
  programmeId: string;
  supervisorId: string;
}

const maximumRows = 10_000;

/**
 * Imports a cohort of trainees from CSV, all or nothing: every bad line is reported with its
 * number and reason, and nothing is stored unless every line is good.
 */
@Injectable()
export class TraineeImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  importCsv(actor: SessionUser, csv: string): Promise<TraineeImportResult> {
    const rows = parseCsv(csv);
    return this.dataSource.transaction(async (manager) => {
      const lookups = await loadLookups(manager, rows);
      const errors: ImportLineError[] = [];
      const checked: CheckedRow[] = [];
      const seenEmails = new Map<string, number>();
      const seenGmcNumbers = new Map<string, number>();
      for (const { line, row } of rows) {
        const lineErrors = checkRow(line, row, lookups, seenEmails, seenGmcNumbers);
        errors.push(...lineErrors);
        if (lineErrors.length === 0) {
          checked.push({
            line,
            row,
            programmeId: lookups.programmes.get(row.programme.toLowerCase())?.[0] ?? '',
            supervisorId: lookups.supervisors.get(row.supervisor_email.toLowerCase()) ?? '',
          });
        }
      }
      if (errors.length > 0) {
        throw lineErrorsException(errors);
      }
      for (const { row, programmeId, supervisorId } of checked) {
        const [user] = (await manager.query(
          `INSERT INTO app_user (email, display_name, roles, gmc_number, deanery_id)
           SELECT $1, $2, ARRAY['trainee'], $3, deanery_id FROM programme WHERE id = $4 RETURNING id`,
          [row.email, row.name, row.gmc_number, programmeId],
        )) as { id: string }[];
        await manager.query(
          `INSERT INTO training_record (trainee_id, programme_id, stage_key, grade, starts_on) VALUES ($1, $2, $3, $4, current_date)`,
          [user?.id, programmeId, row.stage, row.grade],
        );
        await manager.query(
          `INSERT INTO supervisor_assignment (trainee_id, supervisor_id, starts_on) VALUES ($1, $2, current_date)`,
          [user?.id, supervisorId],
        );
      }
      await this.audit.record(
        { actorId: actor.id, action: 'trainees.imported', entityType: 'user', details: { count: checked.length } },
        manager,
      );
      return { imported: checked.length };
    });
  }
}

function parseCsv(csv: string): { line: number; row: CsvRow }[] {
  let records: string[][];
  try {
    records = parse(csv, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    throw lineErrorsException([
      { line, field: 'csv', message: `The file is not valid CSV: ${(error as Error).message}` },
    ]);
  }
  const [header, ...body] = records;
  const expectedHeader = traineeImportColumns.join(',');
  if (!header || header.map((cell) => cell.toLowerCase()).join(',') !== expectedHeader) {
    throw lineErrorsException([{ line: 1, field: 'header', message: `The first line must be: ${expectedHeader}` }]);
  }
  if (body.length === 0) {
    throw lineErrorsException([{ line: 2, field: 'csv', message: 'The file has no trainees after the header line' }]);
  }
  if (body.length > maximumRows) {
    throw lineErrorsException([
      { line: maximumRows + 2, field: 'csv', message: `At most ${maximumRows} trainees can be imported at once` },
    ]);
  }
  return body.map((cells, index) => ({
    // Line numbers as a spreadsheet shows them: the header is line 1.
    line: index + 2,
    row: Object.fromEntries(traineeImportColumns.map((column, position) => [column, cells[position] ?? ''])) as CsvRow,
  }));
}

interface Lookups {
  existingEmails: Set<string>;
  existingGmcNumbers: Set<string>;
  programmes: Map<string, string[]>;
  supervisors: Map<string, string>;
  stages: Map<string, Set<string>>;
}

async function loadLookups(manager: EntityManager, rows: { row: CsvRow }[]): Promise<Lookups> {
  const emails = rows.map(({ row }) => row.email.toLowerCase());
  const gmcNumbers = rows.map(({ row }) => row.gmc_number);
  const [existingEmails, existingGmc, programmes, supervisors, stages] = await Promise.all([
    manager.query(`SELECT lower(email) AS email FROM app_user WHERE lower(email) = ANY ($1)`, [emails]) as Promise<
      { email: string }[]
    >,
    manager.query(`SELECT gmc_number FROM app_user WHERE gmc_number = ANY ($1)`, [
      gmcNumbers.filter((gmc) => /^\d{7}$/.test(gmc)),
    ]) as Promise<{ gmc_number: string }[]>,
    manager.query(`SELECT id, lower(name) AS name, framework_key FROM programme`) as Promise<
      { id: string; name: string; framework_key: string }[]
    >,
    manager.query(
      `SELECT id, lower(email) AS email FROM app_user WHERE 'supervisor' = ANY (roles) AND disabled_at IS NULL AND lower(email) = ANY ($1)`,
      [rows.map(({ row }) => row.supervisor_email.toLowerCase())],
    ) as Promise<{ id: string; email: string }[]>,
    manager.query(`SELECT DISTINCT framework.key AS framework_key, stage.key AS stage_key
                     FROM framework JOIN framework_stage stage ON stage.framework_id = framework.id`) as Promise<
      { framework_key: string; stage_key: string }[]
    >,
  ]);
  const programmesByName = new Map<string, string[]>();
  const frameworkOfProgramme = new Map<string, string>();
  for (const programme of programmes) {
    programmesByName.set(programme.name, [...(programmesByName.get(programme.name) ?? []), programme.id]);
    frameworkOfProgramme.set(programme.id, programme.framework_key);
  }
  const stagesByFramework = new Map<string, Set<string>>();
  for (const stage of stages) {
    stagesByFramework.set(
      stage.framework_key,
      (stagesByFramework.get(stage.framework_key) ?? new Set()).add(stage.stage_key),
    );
  }
  const stagesByProgramme = new Map(
    [...frameworkOfProgramme].map(([id, key]) => [id, stagesByFramework.get(key) ?? new Set<string>()]),
  );
  return {
    existingEmails: new Set(existingEmails.map((row) => row.email)),
    existingGmcNumbers: new Set(existingGmc.map((row) => row.gmc_number)),
    programmes: programmesByName,
    supervisors: new Map(supervisors.map((row) => [row.email, row.id])),
    stages: stagesByProgramme,
  };
}

function checkRow(
  line: number,
  row: CsvRow,
  lookups: Lookups,
  seenEmails: Map<string, number>,
  seenGmcNumbers: Map<string, number>,
): ImportLineError[] {
  const errors: ImportLineError[] = [];
  const fail = (field: Column, message: string) => errors.push({ line, field, message });
  if (!row.name) fail('name', 'name is missing');
  if (row.name.length > 200) fail('name', 'name is longer than 200 characters');

  const email = row.email.toLowerCase();
  if (!isEmail(row.email)) fail('email', `'${row.email}' is not an email address`);
  else if (lookups.existingEmails.has(email)) fail('email', `an account with ${row.email} already exists`);
  else if (seenEmails.has(email)) fail('email', `${row.email} is also on line ${seenEmails.get(email)}`);
  seenEmails.set(email, seenEmails.get(email) ?? line);

  if (!/^\d{7}$/.test(row.gmc_number))
    fail('gmc_number', `'${row.gmc_number}' is not a GMC reference number (7 digits)`);
  else if (lookups.existingGmcNumbers.has(row.gmc_number))
    fail('gmc_number', `GMC number ${row.gmc_number} already belongs to an account`);
  else if (seenGmcNumbers.has(row.gmc_number))
    fail('gmc_number', `GMC number ${row.gmc_number} is also on line ${seenGmcNumbers.get(row.gmc_number)}`);
  seenGmcNumbers.set(row.gmc_number, seenGmcNumbers.get(row.gmc_number) ?? line);

  const programmeIds = lookups.programmes.get(row.programme.toLowerCase()) ?? [];
  if (programmeIds.length === 0) fail('programme', `there is no programme called '${row.programme}'`);
  else if (programmeIds.length > 1) fail('programme', `'${row.programme}' names programmes in more than one deanery`);
  else if (!lookups.stages.get(programmeIds[0] ?? '')?.has(row.stage))
    fail('stage', `'${row.stage}' is not a stage of this programme's framework`);

  if (!/^[A-Za-z0-9 .-]{1,20}$/.test(row.grade)) fail('grade', `'${row.grade}' is not a grade such as FY1 or ST3`);
  if (!lookups.supervisors.has(row.supervisor_email.toLowerCase())) {
    fail('supervisor_email', `there is no active supervisor with the email '${row.supervisor_email}'`);
  }
  return errors;
}

function lineErrorsException(lineErrors: ImportLineError[]): BadRequestException {
  const first = lineErrors[0];
  const summary = `${lineErrors.length} problem${lineErrors.length === 1 ? '' : 's'} found; nothing was imported`;
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: first ? `${summary}. Line ${first.line}: ${first.message}` : summary,
    lineErrors,
  });
}
