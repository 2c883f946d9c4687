import { v5 as uuidv5 } from 'uuid';

import type { CrosswalkFile } from './crosswalk';
import { type FrameworkFile, type FrameworkFileElement, listElements } from './framework-file';

/** Namespace of every identifier this project derives (UUID v5): the same framework always exports the same ids. */
export const CASE_NAMESPACE = '6f4c3a52-8f0e-5b8e-9d63-2f1f7f7f2b10';

export interface CaseLink {
  title: string;
  identifier: string;
  uri: string;
}

export interface CaseItem {
  identifier: string;
  uri: string;
  fullStatement: string;
  humanCodingScheme?: string;
  listEnumeration?: string;
  abbreviatedStatement?: string;
  notes?: string;
  language?: string;
  educationLevel?: string[];
  CFItemType: string;
  CFItemTypeURI: CaseLink;
  lastChangeDateTime: string;
  extensions?: Record<string, unknown>;
}

export interface CaseAssociation {
  identifier: string;
  uri: string;
  associationType: string;
  sequenceNumber?: number;
  originNodeURI: CaseLink;
  destinationNodeURI: CaseLink;
  lastChangeDateTime: string;
  notes?: string;
  extensions?: Record<string, unknown>;
}

/** Which framework version and element the far end of a cross-document association is. */
export interface CaseCounterpart {
  frameworkKey: string;
  frameworkVersion: string;
  elementId: string;
}

export interface CaseItemType {
  identifier: string;
  uri: string;
  title: string;
  description: string;
  hierarchyCode: string;
  typeCode?: string;
  lastChangeDateTime: string;
}

export interface CaseDocument {
  identifier: string;
  uri: string;
  creator: string;
  title: string;
  lastChangeDateTime: string;
  description?: string;
  publisher?: string;
  language?: string;
  version?: string;
  adoptionStatus?: string;
  frameworkType?: string;
  caseVersion?: '1.1';
  notes?: string;
  extensions?: Record<string, unknown>;
}

export interface CasePackage {
  CFDocument: CaseDocument;
  CFItems: CaseItem[];
  CFAssociations: CaseAssociation[];
  CFDefinitions: { CFItemTypes: CaseItemType[] };
}

/** The item types a framework exports, with their place in the hierarchy. */
export const caseItemTypes = {
  domain: { title: 'Domain', hierarchyCode: '1', description: 'A domain of the framework: a group of elements.' },
  element: {
    title: 'Element',
    hierarchyCode: '2',
    description: 'A competence to be demonstrated: an element of a domain, or a dimension of an ungrouped framework.',
  },
  outcome: {
    title: 'Outcome',
    hierarchyCode: '3',
    description: 'What is expected of the element at one stage; the stage is its education level.',
  },
} as const;
export type CaseItemKind = keyof typeof caseItemTypes;

export interface CaseExportOptions {
  /** Base of the CASE REST paths, e.g. https://portfolio.example/ims/case/v1p1. */
  baseUri: string;
  /** When this version last changed (its import), as an ISO date-time. */
  lastChangeDateTime: string;
  /** The previous version, for the titles and identifiers of the elements correspondences point at. */
  previous?: FrameworkFile;
  /** Crosswalks from this version, each with the framework version it maps to. */
  crosswalks?: { crosswalk: CrosswalkFile; counterpart: FrameworkFile }[];
}

/** The deterministic identifier of a part of a framework version. */
export function caseIdentifier(framework: Pick<FrameworkFile, 'key' | 'version'>, path: string): string {
  return uuidv5(`${framework.key}/${framework.version}/${path}`, CASE_NAMESPACE);
}

/**
 * A framework version as a 1EdTech CASE 1.1 CFPackage: one CFDocument; CFItems for domains,
 * elements and each element's outcomes at each stage (the stage as `educationLevel`);
 * `isChildOf` associations with sequence numbers; the item types in CFDefinitions. What CASE has
 * no place for (stage descriptions, a rating scale, level descriptors) travels in `extensions`.
 */
export function frameworkToCasePackage(framework: FrameworkFile, options: CaseExportOptions): CasePackage {
  const base = options.baseUri.replace(/\/+$/, '');
  const when = options.lastChangeDateTime;
  // A version imported from a package keeps that package's identifiers and URIs.
  const node = (path: string, collection: string) => {
    const source = framework.source?.nodes[path];
    if (source) return source;
    const identifier = caseIdentifier(framework, path);
    return { identifier, uri: `${base}/${collection}/${identifier}` };
  };
  const documentNode = framework.source?.document ?? node('document', 'CFDocuments');
  const document: CaseDocument = {
    identifier: documentNode.identifier,
    uri: documentNode.uri,
    creator: framework.publisher ?? framework.title,
    title: framework.title,
    lastChangeDateTime: when,
    description: framework.description,
    ...(framework.publisher ? { publisher: framework.publisher } : {}),
    language: framework.language ?? 'en',
    version: framework.version,
    adoptionStatus: framework.status === 'published' ? 'Adopted' : 'Draft',
    frameworkType: 'Leadership competency framework',
    caseVersion: '1.1',
    extensions: {
      frameworkKey: framework.key,
      ...(framework.edition ? { edition: framework.edition } : {}),
      stages: framework.stages,
      ...(framework.ratingScale ? { ratingScale: framework.ratingScale } : {}),
      ...(framework.previousVersion ? { previousVersion: framework.previousVersion } : {}),
    },
  };
  const itemTypes = Object.fromEntries(
    (Object.keys(caseItemTypes) as CaseItemKind[]).map((kind) => {
      const type: CaseItemType = {
        ...node(`item-type/${kind}`, 'CFItemTypes'),
        title: caseItemTypes[kind].title,
        description: caseItemTypes[kind].description,
        hierarchyCode: caseItemTypes[kind].hierarchyCode,
        typeCode: kind,
        lastChangeDateTime: when,
      };
      return [kind, type];
    }),
  ) as Record<CaseItemKind, CaseItemType>;
  const linkTo = (node: { identifier: string; uri: string }, title: string): CaseLink => ({
    title,
    identifier: node.identifier,
    uri: node.uri,
  });

  const items: CaseItem[] = [];
  const associations: CaseAssociation[] = [];
  const item = (
    kind: CaseItemKind,
    path: string,
    fields: Omit<CaseItem, 'identifier' | 'uri' | 'CFItemType' | 'CFItemTypeURI' | 'lastChangeDateTime'>,
  ) => {
    const created: CaseItem = {
      ...node(path, 'CFItems'),
      ...fields,
      CFItemType: itemTypes[kind].title,
      CFItemTypeURI: linkTo(itemTypes[kind], itemTypes[kind].title),
      lastChangeDateTime: when,
    };
    items.push(created);
    return created;
  };
  const childOf = (
    childPath: string,
    child: CaseItem,
    parent: { identifier: string; uri: string },
    parentTitle: string,
    sequence: number,
  ) => {
    const identifier = caseIdentifier(framework, `association/isChildOf/${child.identifier}/${parent.identifier}`);
    associations.push({
      ...(framework.source?.nodes[`association/${childPath}`] ?? {
        identifier,
        uri: `${base}/CFAssociations/${identifier}`,
      }),
      associationType: 'isChildOf',
      sequenceNumber: sequence,
      originNodeURI: linkTo(child, child.fullStatement),
      destinationNodeURI: linkTo(parent, parentTitle),
      lastChangeDateTime: when,
    });
  };

  const domainItems = new Map<string, CaseItem>();
  (framework.domains ?? []).forEach((domain, index) => {
    const created = item('domain', `domain/${domain.id}`, {
      fullStatement: domain.title,
      humanCodingScheme: domain.code ?? domain.id,
      listEnumeration: String(index + 1),
      notes: domain.summary,
    });
    domainItems.set(domain.id, created);
    childOf(`domain/${domain.id}`, created, document, document.title, index + 1);
  });
  const elementItems = new Map<string, CaseItem>();
  const siblings = new Map<string, number>();
  for (const { element, domain } of listElements(framework)) {
    const parent = domain ? domainItems.get(domain.id) : undefined;
    const parentKey = parent?.identifier ?? document.identifier;
    const sequence = (siblings.get(parentKey) ?? 0) + 1;
    siblings.set(parentKey, sequence);
    const created = item('element', `element/${element.id}`, {
      fullStatement: element.title,
      humanCodingScheme: element.code ?? element.id,
      listEnumeration: String(sequence),
      notes: element.summary,
      ...elementExtensions(element),
    });
    elementItems.set(element.id, created);
    childOf(`element/${element.id}`, created, parent ?? document, parent?.fullStatement ?? document.title, sequence);
    let outcomeSequence = 0;
    for (const stage of framework.stages) {
      (element.outcomes[stage.id] ?? []).forEach((statement, index) => {
        outcomeSequence += 1;
        const outcomePath = `outcome/${element.id}/${stage.id}/${index + 1}`;
        const outcome = item('outcome', outcomePath, {
          fullStatement: statement,
          humanCodingScheme: `${element.code ?? element.id}.${stage.id}.${index + 1}`,
          listEnumeration: String(index + 1),
          educationLevel: [stage.id],
        });
        childOf(outcomePath, outcome, created, created.fullStatement, outcomeSequence);
      });
    }
  }
  associations.push(...crossDocumentAssociations(framework, options, base, elementItems));
  return {
    CFDocument: document,
    CFItems: items,
    CFAssociations: associations,
    CFDefinitions: { CFItemTypes: Object.values(itemTypes) },
  };
}

/** Where an element of a framework version is published: its own package's identifiers, or derived ones. */
function elementNode(framework: FrameworkFile, elementId: string, base: string): { identifier: string; uri: string } {
  const path = `element/${elementId}`;
  const source = framework.source?.nodes[path];
  if (source) return source;
  const identifier = caseIdentifier(framework, path);
  return { identifier, uri: `${base}/CFItems/${identifier}` };
}

function elementTitle(framework: FrameworkFile | undefined, elementId: string): string {
  return (
    (framework && listElements(framework).find(({ element }) => element.id === elementId)?.element.title) ?? elementId
  );
}

/**
 * Associations that leave the document: correspondences with the previous version (`exactMatchOf`
 * from the new element, `replacedBy` from the old one) and crosswalk mappings to other frameworks.
 * The far end's framework, version and element id travel in `extensions.counterpart`, so an import
 * can tell them apart without holding the other package.
 */
function crossDocumentAssociations(
  framework: FrameworkFile,
  options: CaseExportOptions,
  base: string,
  elementItems: Map<string, CaseItem>,
): CaseAssociation[] {
  const associations: CaseAssociation[] = [];
  const add = (
    path: string,
    type: string,
    origin: CaseLink,
    destination: CaseLink,
    counterpart: CaseCounterpart,
    notes?: string,
  ) => {
    const identifier = caseIdentifier(framework, path);
    associations.push({
      ...(framework.source?.nodes[path] ?? { identifier, uri: `${base}/CFAssociations/${identifier}` }),
      associationType: type,
      originNodeURI: origin,
      destinationNodeURI: destination,
      lastChangeDateTime: options.lastChangeDateTime,
      ...(notes ? { notes } : {}),
      extensions: { counterpart },
    });
  };
  const own = (elementId: string): CaseLink => {
    const item = elementItems.get(elementId);
    return { title: item?.fullStatement ?? elementId, identifier: item?.identifier ?? '', uri: item?.uri ?? '' };
  };
  const previousVersion = framework.previousVersion;
  if (previousVersion) {
    const previous =
      options.previous?.version === previousVersion
        ? options.previous
        : { key: framework.key, version: previousVersion };
    for (const correspondence of framework.correspondences ?? []) {
      const theirs: CaseLink = {
        title: elementTitle(options.previous, correspondence.previousElement),
        ...elementNode(previous as FrameworkFile, correspondence.previousElement, base),
      };
      const counterpart = {
        frameworkKey: framework.key,
        frameworkVersion: previousVersion,
        elementId: correspondence.previousElement,
      };
      const path = `association/correspondence/${correspondence.type}/${correspondence.previousElement}/${correspondence.element}`;
      if (correspondence.type === 'exactMatchOf') {
        add(path, 'exactMatchOf', own(correspondence.element), theirs, counterpart);
      } else {
        add(path, 'replacedBy', theirs, own(correspondence.element), counterpart);
      }
    }
  }
  for (const { crosswalk, counterpart: other } of options.crosswalks ?? []) {
    if (crosswalk.from.key !== framework.key || crosswalk.from.version !== framework.version) continue;
    for (const mapping of crosswalk.mappings) {
      add(
        `association/crosswalk/${other.key}/${other.version}/${mapping.type}/${mapping.from}/${mapping.to}`,
        mapping.type,
        own(mapping.from),
        { title: elementTitle(other, mapping.to), ...elementNode(other, mapping.to, base) },
        { frameworkKey: other.key, frameworkVersion: other.version, elementId: mapping.to },
        mapping.note,
      );
    }
  }
  return associations;
}

/**
 * What an element item carries beyond CASE: its level descriptors, and its id when the human
 * coding differs from it (the model's `engaging-the-team` is coded 6), so an import restores the id
 * that evidence, correspondences and crosswalks name.
 */
function elementExtensions(element: FrameworkFileElement) {
  const extensions = {
    ...(element.code !== undefined && element.code !== element.id ? { elementId: element.id } : {}),
    ...(element.levelDescriptors ? { levelDescriptors: element.levelDescriptors } : {}),
  };
  return Object.keys(extensions).length > 0 ? { extensions } : {};
}
