/**
 * The shape of a framework file in `framework-data/`, as its JSON Schema describes it.
 * Outcomes are keyed by stage id: the keys are the stages the element applies at.
 */
export interface FrameworkFile {
  key: string;
  version: string;
  status: 'draft' | 'published';
  title: string;
  description: string;
  edition?: string;
  publisher?: string;
  language?: string;
  stages: FrameworkFileStage[];
  ratingScale?: FrameworkFileRatingLevel[];
  domains?: FrameworkFileDomain[];
  elements?: FrameworkFileElement[];
  /** The version of the same framework this one follows; `correspondences` map its elements onto these. */
  previousVersion?: string;
  correspondences?: FrameworkCorrespondence[];
  /** The identifiers and URIs of the CASE package this version was imported from. */
  source?: FrameworkSource;
}

/** CASE association types that tie a version's elements to the previous version's. */
export type CorrespondenceType = 'exactMatchOf' | 'replacedBy';

/**
 * `exactMatchOf`: `element` is `previousElement` unchanged. `replacedBy`: `previousElement` is
 * replaced by `element` (renamed, merged or split). An element of the previous version named in
 * no correspondence is retired.
 */
export interface FrameworkCorrespondence {
  type: CorrespondenceType;
  previousElement: string;
  element: string;
}

export interface FrameworkSourceNode {
  identifier: string;
  uri: string;
}

export interface FrameworkSource {
  format: 'case-1.1';
  document: FrameworkSourceNode;
  /** Keyed by the part's path: `domain/<id>`, `element/<id>`, `outcome/<element>/<stage>/<n>`, `item-type/<kind>`. */
  nodes: Record<string, FrameworkSourceNode>;
}

export interface FrameworkFileStage {
  id: string;
  title: string;
  description: string;
}

export interface FrameworkFileRatingLevel {
  id: string;
  title: string;
  description: string;
}

export interface FrameworkFileDomain {
  id: string;
  code?: string;
  title: string;
  summary: string;
  elements: FrameworkFileElement[];
}

export interface FrameworkFileElement {
  id: string;
  code?: string;
  title: string;
  summary: string;
  outcomes: Record<string, string[]>;
  levelDescriptors?: Record<string, string>;
}

/** An element together with the domain it sits in (none for ungrouped frameworks). */
export interface PlacedElement {
  element: FrameworkFileElement;
  domain: FrameworkFileDomain | null;
  /** JSON pointer of the element in the file, for messages. */
  pointer: string;
}

/** Every element of a framework file, in file order, whichever shape the file has. */
export function listElements(file: FrameworkFile): PlacedElement[] {
  if (file.domains) {
    return file.domains.flatMap((domain, domainIndex) =>
      domain.elements.map((element, elementIndex) => ({
        element,
        domain,
        pointer: `/domains/${domainIndex}/elements/${elementIndex}`,
      })),
    );
  }
  return (file.elements ?? []).map((element, elementIndex) => ({
    element,
    domain: null,
    pointer: `/elements/${elementIndex}`,
  }));
}
