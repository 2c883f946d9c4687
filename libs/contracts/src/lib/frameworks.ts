/** Shapes of the framework API: a framework version as a tree, and the list of frameworks. */

export type FrameworkStatus = 'draft' | 'published';

export interface FrameworkCounts {
  stages: number;
  domains: number;
  elements: number;
}

export interface FrameworkSummary {
  key: string;
  version: string;
  title: string;
  status: FrameworkStatus;
  counts: FrameworkCounts;
  /** Every version held for this key, oldest first. */
  versions: string[];
}

export interface StageView {
  key: string;
  title: string;
  description: string;
  sequence: number;
}

export interface RatingLevelView {
  key: string;
  title: string;
  description: string;
  sequence: number;
}

/** What a doctor at one stage shows for one element. */
export interface StageOutcomesView {
  stage: string;
  statements: string[];
}

export interface LevelDescriptorView {
  level: string;
  descriptor: string;
}

export interface ElementView {
  key: string;
  code: string;
  title: string;
  summary: string;
  sequence: number;
  /** The stages this element applies at, in stage order, each with its outcomes. */
  outcomes: StageOutcomesView[];
  /** Present when the framework has a rating scale. */
  levelDescriptors: LevelDescriptorView[];
}

export interface DomainView {
  key: string;
  code: string;
  title: string;
  summary: string;
  sequence: number;
  elements: ElementView[];
}

export interface FrameworkTree {
  key: string;
  version: string;
  title: string;
  description: string;
  edition: string | null;
  publisher: string | null;
  status: FrameworkStatus;
  /** Every version held for this key, oldest first. */
  versions: string[];
  stages: StageView[];
  ratingScale: RatingLevelView[];
  domains: DomainView[];
  /** Elements of frameworks that do not group them into domains. */
  ungroupedElements: ElementView[];
}

export const caseItemRoles = ['domain', 'element', 'outcome', 'ignore'] as const;
export type CaseItemRoleName = (typeof caseItemRoles)[number];

/** What importing a CASE package did. */
export interface CaseImportView {
  key: string;
  version: string;
  result: 'created' | 'unchanged' | 'replaced-draft';
  /** Each item type in the package and what it was read as. */
  itemTypes: Record<string, CaseItemRoleName>;
  domains: number;
  elements: number;
  outcomes: number;
  /** The version this one follows and how many correspondences tie them, when the package states them. */
  previousVersion: string | null;
  correspondences: number;
  /** Crosswalks to other frameworks found in the package: stored, or why not. */
  crosswalks: {
    key: string;
    mappings: number;
    result: 'created' | 'unchanged' | 'replaced' | 'skipped';
    reason?: string;
  }[];
}
