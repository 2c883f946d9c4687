import type { AssessmentTemplateView, AssessmentView } from '@portfolio/contracts';

/** Templates and assessments as the API answers, for tests: a short business plan and a case-based discussion. */

const ratingScale = [
  { id: 'below', title: 'Below expectations', description: 'Does not yet show what is expected.' },
  { id: 'meets', title: 'Meets expectations', description: 'Shows what is expected.' },
  { id: 'above', title: 'Above expectations', description: 'Goes beyond what is expected.' },
];

export function businessPlanTemplate(): AssessmentTemplateView {
  return {
    key: 'service-improvement-business-plan',
    version: '1',
    title: 'Service-improvement project business plan',
    description: 'A business plan for a service-improvement project.',
    assessorKinds: ['supervisor', 'assessor', 'external'],
    frameworkKey: 'mlcf',
    evidenceType: 'service-improvement-project',
    sections: [
      {
        id: 'project',
        title: 'The project',
        fields: [
          { id: 'title', type: 'text', label: 'Project title', required: true, maxLength: 200 },
          { id: 'start', type: 'date', label: 'Planned start', required: false },
        ],
      },
      {
        id: 'problem',
        title: 'Problem statement and context',
        help: 'What is wrong, for whom, and why it matters now.',
        fields: [{ id: 'text', type: 'markdown', label: 'Problem statement and context', required: true }],
      },
      {
        id: 'resources',
        title: 'Resources, costs and savings',
        fields: [{ id: 'text', type: 'markdown', label: 'Resources, costs and savings', required: true }],
      },
    ],
    criteria: [
      { id: 'problem', title: 'Problem statement and context', section: 'problem', elementKeys: ['4.2', '5.1'] },
      { id: 'resources', title: 'Resources, costs and savings', section: 'resources', elementKeys: ['3.2'] },
    ],
    rateLinkedElements: false,
    ratingScale,
    overallJudgement: {
      label: 'Overall judgement of the plan',
      options: [
        { id: 'revise', title: 'Needs revision before sign-off' },
        { id: 'satisfactory', title: 'Satisfactory: ready to sign off' },
      ],
    },
    feedback: { label: 'Feedback for the trainee', required: true },
  };
}

export function caseDiscussionTemplate(): AssessmentTemplateView {
  return {
    key: 'leadership-case-based-discussion',
    version: '1',
    title: 'Leadership case-based discussion',
    description: 'A structured discussion of a leadership episode.',
    assessorKinds: ['supervisor', 'assessor', 'external'],
    frameworkKey: 'mlcf',
    evidenceType: 'leadership-activity',
    sections: [
      {
        id: 'episode',
        title: 'The leadership episode',
        fields: [
          { id: 'summary', type: 'markdown', label: 'What happened and what you did', required: true },
          {
            id: 'setting',
            type: 'select',
            label: 'Setting',
            required: true,
            options: [
              { id: 'ward', title: 'Ward or clinic team' },
              { id: 'department', title: 'Department or service' },
            ],
          },
          { id: 'size', type: 'number', label: 'People involved', required: false },
        ],
      },
      {
        id: 'discussion',
        title: 'For the discussion',
        fields: [{ id: 'elements', type: 'elements', label: 'Leadership elements', required: true }],
      },
    ],
    criteria: [],
    rateLinkedElements: true,
    ratingScale,
    overallJudgement: {
      label: 'Overall',
      options: [
        { id: 'below', title: 'Below expectations for the stage' },
        { id: 'meets', title: 'Meets expectations for the stage' },
      ],
    },
    feedback: { label: 'Agreed learning and actions', required: true },
  };
}

export function assessmentView(overrides: Partial<AssessmentView> = {}): AssessmentView {
  return {
    id: 'assessment-1',
    trainee: { id: 'trainee-1', displayName: 'Dr Aisha Khan', gmcNumber: '7654321' },
    template: businessPlanTemplate(),
    title: 'Faster discharge letters',
    status: 'draft',
    stageKey: 'postgraduate',
    answers: {
      project: { title: 'Faster discharge letters', start: '' },
      problem: { text: 'Letters take **three days**.' },
      resources: { text: 'Two hours of a pharmacist a week.' },
    },
    work: null,
    evidence: [],
    assessor: null,
    judgement: null,
    rounds: [],
    ticket: null,
    signature: null,
    amends: null,
    amendedBy: null,
    requestedAt: null,
    createdAt: '2026-03-02T09:00:00.000Z',
    updatedAt: '2026-03-02T09:00:00.000Z',
    version: 1,
    actions: { edit: true, send: true, assess: false, revokeTicket: false, correct: false },
    ...overrides,
  };
}

/** An assessment as its assessor opens it, waiting for their judgement. */
export function requestedAssessment(overrides: Partial<AssessmentView> = {}): AssessmentView {
  return assessmentView({
    status: 'requested',
    assessor: { kind: 'supervisor', userId: 'supervisor-1', displayName: 'Dr Tom Evans', email: 'tom@example.test' },
    requestedAt: '2026-03-03T09:00:00.000Z',
    version: 3,
    actions: { edit: false, send: false, assess: true, revokeTicket: false, correct: false },
    ...overrides,
  });
}
