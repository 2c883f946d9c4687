import type { CaseCounterpart, CaseItemKind } from './case-package';
import type { CrosswalkFile, CrosswalkMapping } from './crosswalk';
import type {
  FrameworkCorrespondence,
  FrameworkFile,
  FrameworkFileDomain,
  FrameworkFileElement,
  FrameworkFileStage,
  FrameworkSourceNode,
} from './framework-file';

/** What an item type becomes: a domain, an element, an outcome, or nothing (left out). */
export type CaseItemRole = CaseItemKind | 'ignore';

export interface CaseImportProblem {
  path: string;
  message: string;
}

export interface CaseImportOptions {
  /** The framework key to store it under; by default the package's own, or one made from its title. */
  key?: string;
  /** CFItemType title (any case) → role, overriding the usual reading of the type names. */
  itemTypeRoles?: Record<string, CaseItemRole>;
  /**
   * Which framework version and element an identifier outside the package is, for associations
   * that do not say so in `extensions.counterpart` (packages from elsewhere).
   */
  resolveCounterpart?: (identifier: string) => CaseCounterpart | undefined;
}

export type CaseImportResult =
  | {
      ok: true;
      framework: FrameworkFile;
      itemTypes: Record<string, CaseItemRole>;
      /** Mappings to other frameworks found among the associations, one crosswalk per framework version. */
      crosswalks: CrosswalkFile[];
    }
  | { ok: false; problems: CaseImportProblem[]; itemTypes: Record<string, CaseItemRole> };

interface PackageNode {
  identifier: string;
  uri: string;
  fullStatement: string;
  CFItemType?: string;
  humanCodingScheme?: string;
  listEnumeration?: string;
  notes?: string;
  educationLevel?: string[];
  extensions?: Record<string, unknown>;
}

interface PackageAssociation {
  identifier: string;
  uri: string;
  associationType: string;
  sequenceNumber?: number;
  originNodeURI: { identifier: string };
  destinationNodeURI: { identifier: string };
  notes?: string;
  extensions?: Record<string, unknown>;
}

/** How item type names read, when the package's author did not say otherwise. */
const rolesByTypeName: Record<string, CaseItemRole> = {
  domain: 'domain',
  area: 'domain',
  'competency area': 'domain',
  category: 'domain',
  element: 'element',
  competency: 'element',
  competence: 'element',
  dimension: 'element',
  capability: 'element',
  standard: 'element',
  outcome: 'outcome',
  'learning outcome': 'outcome',
  indicator: 'outcome',
  'performance indicator': 'outcome',
  statement: 'outcome',
};

const identifierPattern = /^[a-z0-9][a-z0-9.-]{0,63}$/;

/**
 * Rebuilds a framework from a CASE 1.1 CFPackage (already checked against the CASE schema):
 * the tree comes from the `isChildOf` associations whatever the order of items and associations,
 * siblings ordered by sequence number; item types are read as domains, elements and outcomes
 * (adjustable with `itemTypeRoles`), and an outcome's education level is its stage. The
 * package's identifiers and URIs are kept in `source`, so exporting the version gives them back.
 */
export function casePackageToFramework(casePackage: unknown, options: CaseImportOptions = {}): CaseImportResult {
  const problems: CaseImportProblem[] = [];
  const root = casePackage as {
    CFDocument: {
      identifier: string;
      uri: string;
      title: string;
      description?: string;
      creator?: string;
      publisher?: string;
      language?: string;
      version?: string;
      adoptionStatus?: string;
      extensions?: Record<string, unknown>;
    };
    CFItems?: PackageNode[];
    CFAssociations?: PackageAssociation[];
    CFDefinitions?: { CFItemTypes?: { identifier: string; uri: string; title: string; typeCode?: string }[] };
  };
  const document = root.CFDocument;
  const items = new Map((root.CFItems ?? []).map((item) => [item.identifier, item]));
  const itemTypes = itemTypeRolesOf(root.CFItems ?? [], root.CFDefinitions?.CFItemTypes ?? [], options.itemTypeRoles);

  // Parent and sequence of each node, from isChildOf alone; other associations do not shape the tree.
  const children = new Map<string, { identifier: string; sequence: number; order: string }[]>();
  const associationOf = new Map<string, PackageAssociation>();
  for (const [index, association] of (root.CFAssociations ?? []).entries()) {
    if (association.associationType !== 'isChildOf') continue;
    const child = association.originNodeURI.identifier;
    const parent = association.destinationNodeURI.identifier;
    if (!items.has(child)) {
      problems.push({
        path: `/CFAssociations/${index}/originNodeURI`,
        message: `isChildOf starts at ${child}, which is not an item of the package`,
      });
      continue;
    }
    if (parent !== document.identifier && !items.has(parent)) {
      problems.push({
        path: `/CFAssociations/${index}/destinationNodeURI`,
        message: `isChildOf points at ${parent}, which is neither the document nor an item of the package`,
      });
      continue;
    }
    if (associationOf.has(child)) {
      problems.push({
        path: `/CFAssociations/${index}`,
        message: `item ${child} is the child of two parents; each item needs exactly one`,
      });
      continue;
    }
    associationOf.set(child, association);
    const item = items.get(child) as PackageNode;
    children.set(parent, [
      ...(children.get(parent) ?? []),
      {
        identifier: child,
        sequence: association.sequenceNumber ?? Number.MAX_SAFE_INTEGER,
        order: `${item.listEnumeration ?? ''}|${item.humanCodingScheme ?? ''}`,
      },
    ]);
  }
  const ordered = (parent: string) =>
    (children.get(parent) ?? [])
      .sort((a, b) => a.sequence - b.sequence || a.order.localeCompare(b.order, 'en', { numeric: true }))
      .map((child) => items.get(child.identifier) as PackageNode);
  const roleOf = (node: PackageNode): CaseItemRole => itemTypes[(node.CFItemType ?? '').toLowerCase()] ?? 'ignore';

  const nodes: Record<string, FrameworkSourceNode> = {};
  const keep = (path: string, node: { identifier: string; uri: string }) => {
    nodes[path] = { identifier: node.identifier, uri: node.uri };
    const association = associationOf.get(node.identifier);
    if (association) nodes[`association/${path}`] = { identifier: association.identifier, uri: association.uri };
  };
  const usedIds = new Set<string>();
  const idFor = (node: PackageNode, prefix: string, index: number) => {
    // Our own exports name the id when the human coding differs from it.
    const named = node.extensions?.['elementId'];
    const coded = (typeof named === 'string' ? named : (node.humanCodingScheme ?? ''))
      .trim()
      .toLowerCase()
      .replace(/\s+/g, '-');
    let id = identifierPattern.test(coded) ? coded : `${prefix}${index + 1}`;
    while (usedIds.has(id)) id = `${id}-${index + 1}`;
    usedIds.add(id);
    return id;
  };

  const stageOrder: string[] = [];
  const elementIdOf = new Map<string, string>();
  const readElement = (node: PackageNode, index: number): FrameworkFileElement => {
    const id = idFor(node, 'e', index);
    elementIdOf.set(node.identifier, id);
    keep(`element/${id}`, node);
    const outcomes: Record<string, string[]> = {};
    for (const child of ordered(node.identifier)) {
      if (roleOf(child) !== 'outcome') continue;
      const stage = child.educationLevel?.[0];
      if (!stage) {
        problems.push({
          path: `/CFItems/${child.identifier}`,
          message: 'an outcome needs an educationLevel (its stage)',
        });
        continue;
      }
      if (!stageOrder.includes(stage)) stageOrder.push(stage);
      outcomes[stage] = [...(outcomes[stage] ?? []), child.fullStatement];
      keep(`outcome/${id}/${stage}/${outcomes[stage].length}`, child);
    }
    const levelDescriptors = node.extensions?.['levelDescriptors'];
    return {
      id,
      ...(node.humanCodingScheme ? { code: node.humanCodingScheme } : {}),
      title: node.fullStatement,
      summary: node.notes?.trim() || node.fullStatement,
      outcomes,
      ...(isStringRecord(levelDescriptors) ? { levelDescriptors } : {}),
    };
  };

  const top = ordered(document.identifier);
  const domains: FrameworkFileDomain[] = [];
  const ungrouped: FrameworkFileElement[] = [];
  top.forEach((node, index) => {
    const role = roleOf(node);
    if (role === 'domain') {
      const id = idFor(node, 'd', index);
      keep(`domain/${id}`, node);
      domains.push({
        id,
        ...(node.humanCodingScheme ? { code: node.humanCodingScheme } : {}),
        title: node.fullStatement,
        summary: node.notes?.trim() || node.fullStatement,
        elements: ordered(node.identifier)
          .filter((child) => roleOf(child) === 'element')
          .map((child, childIndex) => readElement(child, childIndex)),
      });
    } else if (role === 'element') {
      ungrouped.push(readElement(node, index));
    }
  });
  if (domains.length > 0 && ungrouped.length > 0) {
    problems.push({ path: '/CFItems', message: 'the package mixes elements in domains with elements outside any' });
  }
  if (domains.length + ungrouped.length === 0) {
    problems.push({ path: '/CFItems', message: 'no domains or elements hang from the document by isChildOf' });
  }

  const extensions = document.extensions ?? {};
  const declaredStages = Array.isArray(extensions['stages']) ? (extensions['stages'] as FrameworkFileStage[]) : null;
  const stages: FrameworkFileStage[] =
    declaredStages ?? stageOrder.map((stage) => ({ id: stage, title: stage, description: stage }));
  for (const type of root.CFDefinitions?.CFItemTypes ?? []) {
    const role = itemTypes[type.title.toLowerCase()];
    if (role && role !== 'ignore') keep(`item-type/${role}`, type);
  }

  const ownKey = typeof extensions['frameworkKey'] === 'string' ? extensions['frameworkKey'] : slug(document.title);
  const key = options.key ?? ownKey;
  const version = document.version?.trim() || '1';
  const links = readCrossDocumentLinks(root.CFAssociations ?? [], elementIdOf, [ownKey, key], options, problems);
  for (const [path, node] of Object.entries(links.nodes)) nodes[path] = node;
  if (problems.length > 0) return { ok: false, problems, itemTypes };
  return {
    ok: true,
    itemTypes,
    crosswalks: links.crosswalks.map((crosswalk) => ({
      key: `${key}-${version}--${crosswalk.key}-${crosswalk.version}`,
      title: `${document.title} and ${crosswalk.key} ${crosswalk.version}`,
      description: `Mappings from the CASE package ${document.identifier} to ${crosswalk.key} ${crosswalk.version}.`,
      from: { key, version },
      to: { key: crosswalk.key, version: crosswalk.version },
      mappings: crosswalk.mappings,
    })),
    framework: {
      key,
      version,
      status: document.adoptionStatus === 'Draft' ? 'draft' : 'published',
      title: document.title,
      description: document.description?.trim() || document.title,
      ...(typeof extensions['edition'] === 'string' ? { edition: extensions['edition'] } : {}),
      ...(document.publisher ? { publisher: document.publisher } : {}),
      ...(document.language ? { language: document.language } : {}),
      stages,
      ...(Array.isArray(extensions['ratingScale']) ? { ratingScale: extensions['ratingScale'] } : {}),
      ...(domains.length > 0 ? { domains } : { elements: ungrouped }),
      ...(links.previousVersion
        ? { previousVersion: links.previousVersion, correspondences: links.correspondences }
        : {}),
      source: { format: 'case-1.1', document: { identifier: document.identifier, uri: document.uri }, nodes },
    },
  };
}

const crossDocumentTypes = new Set(['exactMatchOf', 'replacedBy', 'isRelatedTo']);

/**
 * Correspondences with a previous version of the same framework (`exactMatchOf` from the new
 * element, `replacedBy` from the old one) and crosswalk mappings to other frameworks
 * (`exactMatchOf`, `isRelatedTo`), from the associations with one end in the package and the
 * other outside it. Associations whose far end cannot be placed are left out.
 */
function readCrossDocumentLinks(
  associations: PackageAssociation[],
  elementIdOf: Map<string, string>,
  ownKeys: string[],
  options: CaseImportOptions,
  problems: CaseImportProblem[],
) {
  const correspondences: FrameworkCorrespondence[] = [];
  const previousVersions = new Set<string>();
  const crosswalks = new Map<string, { key: string; version: string; mappings: CrosswalkMapping[] }>();
  const nodes: Record<string, FrameworkSourceNode> = {};
  associations.forEach((association, index) => {
    if (!crossDocumentTypes.has(association.associationType)) return;
    const origin = elementIdOf.get(association.originNodeURI.identifier);
    const destination = elementIdOf.get(association.destinationNodeURI.identifier);
    if ((origin === undefined) === (destination === undefined)) return;
    const farIdentifier =
      origin === undefined ? association.originNodeURI.identifier : association.destinationNodeURI.identifier;
    const counterpart =
      counterpartOf(association.extensions?.['counterpart']) ?? options.resolveCounterpart?.(farIdentifier);
    if (!counterpart) return;
    const keep = (path: string) => (nodes[path] = { identifier: association.identifier, uri: association.uri });
    const type = association.associationType;
    if (ownKeys.includes(counterpart.frameworkKey)) {
      const correspondence =
        type === 'exactMatchOf' && origin !== undefined
          ? { type, previousElement: counterpart.elementId, element: origin }
          : type === 'replacedBy' && destination !== undefined
            ? { type, previousElement: counterpart.elementId, element: destination }
            : null;
      if (!correspondence) {
        problems.push({
          path: `/CFAssociations/${index}`,
          message: `${type} between two versions of one framework must run ${type === 'replacedBy' ? 'from the earlier element to the later' : 'from the later element to the earlier'}`,
        });
        return;
      }
      correspondences.push(correspondence as FrameworkCorrespondence);
      previousVersions.add(counterpart.frameworkVersion);
      keep(`association/correspondence/${type}/${correspondence.previousElement}/${correspondence.element}`);
      return;
    }
    if (type === 'replacedBy') return;
    const own = (origin ?? destination) as string;
    const group = `${counterpart.frameworkKey}@${counterpart.frameworkVersion}`;
    const crosswalk = crosswalks.get(group) ?? {
      key: counterpart.frameworkKey,
      version: counterpart.frameworkVersion,
      mappings: [],
    };
    crosswalk.mappings.push({
      from: own,
      to: counterpart.elementId,
      type: type as CrosswalkMapping['type'],
      ...(association.notes ? { note: association.notes } : {}),
    });
    crosswalks.set(group, crosswalk);
    keep(
      `association/crosswalk/${counterpart.frameworkKey}/${counterpart.frameworkVersion}/${type}/${own}/${counterpart.elementId}`,
    );
  });
  if (previousVersions.size > 1) {
    problems.push({
      path: '/CFAssociations',
      message: `correspondences point at several earlier versions (${[...previousVersions].join(', ')}); a version follows one`,
    });
  }
  return { previousVersion: [...previousVersions][0], correspondences, crosswalks: [...crosswalks.values()], nodes };
}

function counterpartOf(value: unknown): CaseCounterpart | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const { frameworkKey, frameworkVersion, elementId } = value as Record<string, unknown>;
  return typeof frameworkKey === 'string' && typeof frameworkVersion === 'string' && typeof elementId === 'string'
    ? { frameworkKey, frameworkVersion, elementId }
    : undefined;
}

/** Each item type named in the package, with the role it will have. */
function itemTypeRolesOf(
  items: PackageNode[],
  definitions: { title: string; typeCode?: string }[],
  overrides: Record<string, CaseItemRole> = {},
): Record<string, CaseItemRole> {
  const names = new Set([
    ...items.map((item) => (item.CFItemType ?? '').toLowerCase()).filter(Boolean),
    ...definitions.map((definition) => definition.title.toLowerCase()),
  ]);
  const lowerOverrides = Object.fromEntries(
    Object.entries(overrides).map(([name, role]) => [name.toLowerCase(), role]),
  );
  const codes = new Map(definitions.map((definition) => [definition.title.toLowerCase(), definition.typeCode]));
  return Object.fromEntries(
    [...names].map((name) => {
      const code = codes.get(name);
      const byCode = code === 'domain' || code === 'element' || code === 'outcome' ? code : undefined;
      return [name, lowerOverrides[name] ?? byCode ?? rolesByTypeName[name] ?? 'ignore'];
    }),
  );
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return (
    value !== null &&
    typeof value === 'object' &&
    Object.values(value as object).every((entry) => typeof entry === 'string')
  );
}

function slug(title: string): string {
  return (
    title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 64) || 'imported-framework'
  );
}
