/** The service-improvement business plan, as tests fill it in and rate it. */
export const businessPlanTemplate = 'service-improvement-business-plan';

const sections = [
  'problem',
  'aim',
  'stakeholders',
  'baseline',
  'options',
  'method',
  'measures',
  'resources',
  'risks',
  'future-demand',
  'implementation',
  'sustainability',
  'reflection',
];

/** Every section answered: the project's title and setting, and `textOf(section)` for each of the rest. */
export function businessPlanAnswers(
  project: { title: string; setting: string },
  textOf: (section: string) => string = (section) => `The ${section} of the plan.`,
): Record<string, Record<string, string>> {
  return { project, ...Object.fromEntries(sections.map((section) => [section, { text: textOf(section) }])) };
}

/** Every criterion rated `rating`. */
export function businessPlanRatings(rating = 'meets'): Record<string, string> {
  return Object.fromEntries(['aim', ...sections].map((criterion) => [criterion, rating]));
}
