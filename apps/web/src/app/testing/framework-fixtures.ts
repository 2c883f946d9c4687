import type { DomainView, ElementView, FrameworkSummary, FrameworkTree, StageOutcomesView } from '@portfolio/contracts';

/** Small hand-made frameworks for tests, shaped like the MLCF and the Healthcare Leadership Model. */

const mlcfStageKeys = ['undergraduate', 'postgraduate', 'continuing-practice'];

function outcomesAt(stageKeys: string[], elementCode: string): StageOutcomesView[] {
  return stageKeys.map((stage) => ({
    stage,
    statements: [`${elementCode} at ${stage}: first outcome`, `${elementCode} at ${stage}: second outcome`],
  }));
}

function element(code: string, title: string, stageKeys: string[], sequence: number): ElementView {
  return {
    key: code,
    code,
    title,
    summary: `About ${title.toLowerCase()}.`,
    sequence,
    outcomes: outcomesAt(stageKeys, code),
    levelDescriptors: [],
  };
}

function domain(code: string, title: string, elements: ElementView[], sequence: number): DomainView {
  return { key: code, code, title, summary: `What ${title.toLowerCase()} covers.`, sequence, elements };
}

const everyMlcfStage = [...mlcfStageKeys, 'senior-leadership'];

export function mlcfFixture(): FrameworkTree {
  return {
    key: 'mlcf',
    version: '2010',
    title: 'Medical Leadership Competency Framework',
    description: 'Leadership for every doctor.\n\nThird edition.',
    edition: 'Third edition',
    publisher: 'Academy of Medical Royal Colleges and NHS Institute for Innovation and Improvement',
    status: 'published',
    versions: ['2010'],
    stages: [
      // Deliberately out of order: the app orders by sequence.
      { key: 'postgraduate', title: 'Postgraduate', description: 'Doctors in training.', sequence: 2 },
      { key: 'undergraduate', title: 'Undergraduate', description: 'Medical students.', sequence: 1 },
      {
        key: 'continuing-practice',
        title: 'Continuing practice',
        description: 'The first five years after specialist or GP registration.',
        sequence: 3,
      },
      {
        key: 'senior-leadership',
        title: 'Senior leadership',
        description: 'Doctors in senior positional roles.',
        sequence: 4,
      },
    ],
    ratingScale: [],
    domains: [
      domain(
        '1',
        'Demonstrating Personal Qualities',
        [
          element('1.2', 'Managing Yourself', everyMlcfStage, 2),
          element('1.1', 'Developing Self Awareness', everyMlcfStage, 1),
        ],
        1,
      ),
      domain('2', 'Working with Others', [element('2.1', 'Developing Networks', everyMlcfStage, 1)], 2),
      domain(
        '6',
        'Creating the Vision',
        [element('6.1', 'Developing the Vision for the Organisation', ['senior-leadership'], 1)],
        6,
      ),
      domain(
        '7',
        'Delivering the Strategy',
        [
          element('7.1', 'Framing the Strategy', ['senior-leadership'], 1),
          element('7.2', 'Developing the Strategy', ['senior-leadership'], 2),
        ],
        7,
      ),
    ],
    ungroupedElements: [],
  };
}

export function hlmFixture(): FrameworkTree {
  const levels = ['essential', 'proficient', 'strong', 'exemplary'];
  const dimension = (code: string, title: string, sequence: number): ElementView => ({
    ...element(code, title, ['all-staff'], sequence),
    key: title.toLowerCase().replace(/ /g, '-'),
    levelDescriptors: levels.map((level) => ({ level, descriptor: `${title} when ${level}.` })),
  });
  return {
    key: 'healthcare-leadership-model',
    version: '2013',
    title: 'Healthcare Leadership Model',
    description: 'Nine dimensions of leadership behaviour.',
    edition: null,
    publisher: 'NHS Leadership Academy',
    status: 'published',
    versions: ['2013'],
    stages: [{ key: 'all-staff', title: 'All staff', description: 'Everyone in health and care.', sequence: 1 }],
    ratingScale: levels.map((level, index) => ({
      key: level,
      title: level[0].toUpperCase() + level.slice(1),
      description: `The ${level} level.`,
      sequence: index + 1,
    })),
    domains: [],
    ungroupedElements: [dimension('1', 'Inspiring shared purpose', 1), dimension('2', 'Leading with care', 2)],
  };
}

export function summariesFixture(): FrameworkSummary[] {
  return [
    {
      key: 'mlcf',
      version: '2010',
      title: 'Medical Leadership Competency Framework',
      status: 'published',
      counts: { stages: 4, domains: 7, elements: 28 },
      versions: ['2010'],
    },
    {
      key: 'healthcare-leadership-model',
      version: '2013',
      title: 'Healthcare Leadership Model',
      status: 'draft',
      counts: { stages: 1, domains: 0, elements: 9 },
      versions: ['2013'],
    },
  ];
}

export const notFoundBody = { statusCode: 404, error: 'Not Found', message: 'No framework "nope"' };
