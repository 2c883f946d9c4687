import type { AssessmentTemplateFile } from '@portfolio/competency';
import type { AssessmentTemplateSummary, AssessmentTemplateView, EvidenceType } from '@portfolio/contracts';

export function toTemplateSummary(template: AssessmentTemplateFile): AssessmentTemplateSummary {
  return {
    key: template.key,
    version: template.version,
    title: template.title,
    description: template.description,
    assessorKinds: template.assessorRoles ?? ['supervisor', 'assessor', 'external'],
  };
}

export function toTemplateView(template: AssessmentTemplateFile): AssessmentTemplateView {
  return {
    ...toTemplateSummary(template),
    frameworkKey: template.frameworkKey,
    evidenceType: (template.evidenceType as EvidenceType | undefined) ?? null,
    sections: template.sections,
    criteria: (template.criteria ?? []).map(({ elements, ...criterion }) => ({ ...criterion, elementKeys: elements })),
    rateLinkedElements: template.rateLinkedElements ?? false,
    ratingScale: template.ratingScale,
    overallJudgement: template.overallJudgement,
    feedback: template.feedback,
  };
}
