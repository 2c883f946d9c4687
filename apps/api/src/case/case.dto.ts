import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import {
  IsObject,
  IsOptional,
  IsUUID,
  Validate,
  ValidateIf,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';

import { type CaseImportView, type CaseItemRoleName, caseItemRoles } from '@portfolio/contracts';

import { IsKey } from '../common/dto-decorators';

/** A map of item type titles to roles, or the same as JSON text (from a multipart form). */
@ValidatorConstraint({ name: 'itemTypeRoles' })
class ItemTypeRolesRule implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value === 'string') return value.length <= 10_000;
    return (
      value !== null &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      Object.values(value as object).every((role) => (caseItemRoles as readonly unknown[]).includes(role))
    );
  }

  defaultMessage(): string {
    return `itemTypeRoles must map item type titles to ${caseItemRoles.join(', ')}`;
  }
}

export class CaseIdentifierParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'sourcedId must be a UUID' })
  sourcedId!: string;
}

export class CaseImportDto {
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'The CFPackage, when sent as JSON' })
  @ValidateIf((body: CaseImportDto) => body.package !== undefined)
  @IsObject({ message: 'package must be a CASE CFPackage object' })
  package?: object;

  @ApiPropertyOptional({ example: 'mlcf', description: 'Store under this framework key (default: the package’s own)' })
  @IsOptional()
  @IsKey('key must be lower-case letters, digits, dots and hyphens')
  key?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string', enum: [...caseItemRoles] },
    description: 'Item type title → what it is; as JSON text in a multipart form',
  })
  @IsOptional()
  @Validate(ItemTypeRolesRule)
  itemTypeRoles?: Record<string, CaseItemRoleName> | string;
}

export const caseImportFormSchema: SchemaObject = {
  type: 'object',
  properties: {
    package: { type: 'object', additionalProperties: true },
    file: { type: 'string', format: 'binary' },
    key: { type: 'string' },
    itemTypeRoles: { type: 'object', additionalProperties: { type: 'string', enum: [...caseItemRoles] } },
  },
};

class CrosswalkImportDto {
  @ApiProperty({ example: 'mlcf-2010--healthcare-leadership-model-2013' }) key!: string;
  @ApiProperty() mappings!: number;
  @ApiProperty({ enum: ['created', 'unchanged', 'replaced', 'skipped'] })
  result!: CaseImportView['crosswalks'][number]['result'];
  @ApiPropertyOptional({ description: 'Why a crosswalk was skipped (the framework it maps to is not held)' })
  reason?: string;
}

export class CaseImportViewDto implements CaseImportView {
  @ApiProperty() key!: string;
  @ApiProperty() version!: string;
  @ApiProperty({ enum: ['created', 'unchanged', 'replaced-draft'] }) result!: CaseImportView['result'];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string', enum: [...caseItemRoles] } })
  itemTypes!: Record<string, CaseItemRoleName>;
  @ApiProperty() domains!: number;
  @ApiProperty() elements!: number;
  @ApiProperty() outcomes!: number;
  @ApiProperty({ type: String, nullable: true, description: 'The version this one follows, when the package says' })
  previousVersion!: string | null;
  @ApiProperty({ description: 'Correspondences with the previous version (exactMatchOf, replacedBy)' })
  correspondences!: number;
  @ApiProperty({ type: [CrosswalkImportDto] }) crosswalks!: CrosswalkImportDto[];
}
