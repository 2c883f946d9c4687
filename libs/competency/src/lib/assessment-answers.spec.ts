import {
  assessedElementKeys,
  checkAnswers,
  checkJudgement,
  ratingKeysOf,
  workMarkdown,
  workTitle,
} from './assessment-answers';
import type { AssessmentTemplateFile } from './validate-assessment-template';

const plan: AssessmentTemplateFile = {
  key: 'plan',
  version: '1',
  status: 'published',
  title: 'Business plan',
  description: 'A plan.',
  frameworkKey: 'mlcf',
  sections: [
    {
      id: 'project',
      title: 'The project',
      fields: [
        { id: 'title', type: 'text', label: 'Project title', required: true, maxLength: 20 },
        { id: 'start', type: 'date', label: 'Planned start', required: false },
      ],
    },
    {
      id: 'costs',
      title: 'Resources and costs',
      fields: [{ id: 'text', type: 'markdown', label: 'Costs', required: true }],
    },
  ],
  criteria: [
    { id: 'costs', title: 'Costs are realistic', section: 'costs', elements: ['3.2'] },
    { id: 'aim', title: 'Aim', elements: [] },
  ],
  ratingScale: [
    { id: 'below', title: 'Below' },
    { id: 'meets', title: 'Meets' },
  ],
  overallJudgement: {
    label: 'Overall',
    options: [
      { id: 'revise', title: 'Revise' },
      { id: 'ok', title: 'Satisfactory' },
    ],
  },
  feedback: { label: 'Feedback', required: true },
};

const discussion: AssessmentTemplateFile = {
  ...plan,
  key: 'cbd',
  criteria: [],
  rateLinkedElements: true,
  sections: [
    {
      id: 'discussion',
      title: 'Discussion',
      fields: [
        { id: 'elements', type: 'elements', label: 'Elements discussed', required: true },
        {
          id: 'setting',
          type: 'select',
          label: 'Setting',
          required: false,
          options: [
            { id: 'ward', title: 'Ward' },
            { id: 'clinic', title: 'Clinic' },
          ],
        },
      ],
    },
  ],
};

describe('checkAnswers', () => {
  it('lets a draft be unfinished but asks for every required field before sending', () => {
    expect(checkAnswers(plan, { project: { title: 'Fewer missed doses' } }, { complete: false })).toEqual([]);
    expect(checkAnswers(plan, { project: { title: 'Fewer missed doses' } }, { complete: true })).toEqual([
      { field: 'answers.costs.text', message: "Fill in 'Costs'" },
    ]);
  });

  it('names unknown sections and fields, wrong types, bad dates and over-long text', () => {
    const problems = checkAnswers(
      plan,
      { project: { title: 'x'.repeat(21), start: '2026-02-30', colour: 'red' }, extra: {}, costs: { text: 7 } },
      { complete: false },
    );
    expect(problems.map((problem) => problem.field).sort()).toEqual([
      'answers.costs.text',
      'answers.extra',
      'answers.project.colour',
      'answers.project.start',
      'answers.project.title',
    ]);
    expect(checkAnswers(plan, [], { complete: false })).toEqual([
      { field: 'answers', message: 'must be an object of sections' },
    ]);
  });

  it('checks select options and element lists', () => {
    expect(
      checkAnswers(discussion, { discussion: { elements: ['1.1', '1.1'], setting: 'theatre' } }, { complete: false }),
    ).toEqual([
      { field: 'answers.discussion.elements', message: 'lists an element more than once' },
      { field: 'answers.discussion.setting', message: 'must be one of: ward, clinic' },
    ]);
  });
});

describe('what is rated and what is evidenced', () => {
  it('rates every criterion, and each listed element when the template says so', () => {
    expect(ratingKeysOf(plan, {})).toEqual(['costs', 'aim']);
    expect(ratingKeysOf(discussion, { discussion: { elements: ['2.1', '4.3'] } })).toEqual([
      'element:2.1',
      'element:4.3',
    ]);
    expect(assessedElementKeys(plan, {})).toEqual(['3.2']);
    expect(assessedElementKeys(discussion, { discussion: { elements: ['2.1'] } })).toEqual(['2.1']);
  });
});

describe('checkJudgement', () => {
  const answers = { costs: { text: 'Two nurses for a month' } };

  it('accepts a partial draft but wants everything rated, an overall judgement and feedback to sign', () => {
    const draft = { ratings: { costs: 'meets' }, overallJudgement: null, feedback: '' };
    expect(checkJudgement(plan, answers, draft, { complete: false })).toEqual([]);
    expect(checkJudgement(plan, answers, draft, { complete: true })).toEqual([
      { field: 'ratings.aim', message: "Rate 'Aim'" },
      { field: 'overallJudgement', message: "Choose 'Overall'" },
      { field: 'feedback', message: "Write 'Feedback'" },
    ]);
  });

  it('refuses ratings off the scale or of things not rated', () => {
    const judgement = { ratings: { costs: 'superb', colour: 'meets' }, overallJudgement: 'great', feedback: 'x' };
    expect(checkJudgement(plan, answers, judgement, { complete: false }).map((problem) => problem.field)).toEqual([
      'ratings.costs',
      'ratings.colour',
      'overallJudgement',
    ]);
  });
});

describe('the work as an evidence item', () => {
  it('takes its title from the first text field and keeps every filled section as Markdown', () => {
    const answers = { project: { title: ' Fewer missed doses ', start: '2026-12-01' }, costs: { text: '£400' } };
    expect(workTitle(plan, answers)).toBe('Fewer missed doses');
    expect(workTitle(plan, {})).toBe('Business plan');
    expect(workTitle(plan, { project: { start: '2026-12-01' } })).toBe('Business plan, 2026-12-01');
    expect(workMarkdown(plan, answers)).toBe(
      '## The project\n\n**Project title:**  Fewer missed doses \n\n**Planned start:** 2026-12-01\n\n## Resources and costs\n\n£400',
    );
    expect(workMarkdown(discussion, { discussion: { elements: ['1.1', '2.2'], setting: 'clinic' } })).toBe(
      '## Discussion\n\n**Elements discussed:** 1.1, 2.2\n\n**Setting:** Clinic',
    );
  });
});
