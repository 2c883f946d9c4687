import { TestBed } from '@angular/core/testing';

import type { PickableElement } from '../evidence/element-search';
import { businessPlanTemplate, caseDiscussionTemplate } from '../testing/assessment-fixtures';
import { textOf } from '../testing/page-harness';
import { answersFor } from './assessment-answers';
import { type AnswerChange, AssessmentFields } from './assessment-fields';

const elements: PickableElement[] = [
  { key: '2.4', code: '2.4', title: 'Working within Teams', domainTitle: 'Working with Others' },
  { key: '3.2', code: '3.2', title: 'Managing Resources', domainTitle: 'Managing Services' },
  { key: '4.2', code: '4.2', title: 'Critically Evaluating', domainTitle: 'Improving Services' },
];

describe('AssessmentFields', () => {
  async function render(template = caseDiscussionTemplate()) {
    const fixture = TestBed.createComponent(AssessmentFields);
    fixture.componentRef.setInput('template', template);
    fixture.componentRef.setInput('answers', answersFor(template, { discussion: { elements: ['4.2'] } }));
    fixture.componentRef.setInput('elements', elements);
    fixture.componentRef.setInput('problems', [{ field: 'answer-episode-setting', message: 'Choose the setting' }]);
    const changes: AnswerChange[] = [];
    fixture.componentInstance.answerChange.subscribe((change) => changes.push(change));
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const field = <T extends HTMLInputElement | HTMLTextAreaElement = HTMLInputElement>(id: string): T => {
      const found = element.querySelector<T>(`#${id}`);
      if (!found) {
        throw new Error(`No field ${id}`);
      }
      return found;
    };
    return { element, changes, field };
  }

  it('gives each kind of field the answer the API takes', async () => {
    const { changes, field } = await render();

    const summary = field<HTMLTextAreaElement>('answer-episode-summary');
    summary.value = 'I chaired the **bed meeting**.';
    summary.dispatchEvent(new Event('input'));
    const size = field('answer-episode-size');
    size.value = '12';
    size.dispatchEvent(new Event('input'));
    size.value = '';
    size.dispatchEvent(new Event('input'));
    const department = field('answer-episode-setting-department');
    department.checked = true;
    department.dispatchEvent(new Event('change'));
    // Ticked after 4.2, but kept in the framework's order.
    const teams = field('answer-discussion-elements');
    teams.checked = true;
    teams.dispatchEvent(new Event('change'));

    expect(changes).toEqual([
      { sectionId: 'episode', fieldId: 'summary', answer: 'I chaired the **bed meeting**.' },
      { sectionId: 'episode', fieldId: 'size', answer: 12 },
      { sectionId: 'episode', fieldId: 'size', answer: null },
      { sectionId: 'episode', fieldId: 'setting', answer: 'department' },
      { sectionId: 'discussion', fieldId: 'elements', answer: ['2.4', '4.2'] },
    ]);
  });

  it('shows the error on its field, linked from the summary by the field’s id', async () => {
    const { element, field } = await render();

    expect(textOf(element, '#answer-episode-setting-error')).toEqual(['Error: Choose the setting']);
    expect(field('answer-episode-setting').closest('fieldset')?.getAttribute('aria-describedby')).toBe(
      'answer-episode-setting-error',
    );
  });

  it('sets a section’s only field with the section’s title as a heading, its help as the hint', async () => {
    const { element } = await render(businessPlanTemplate());

    expect(textOf(element, 'h2')).toEqual([
      'The project',
      'Problem statement and context',
      'Resources, costs and savings',
    ]);
    expect(element.querySelector('h2 label')?.getAttribute('for')).toBe('answer-problem-text');
    expect(textOf(element, '#answer-problem-text-hint')).toEqual(['What is wrong, for whom, and why it matters now.']);
    expect(textOf(element, 'label[for="answer-project-start"]')).toEqual(['Planned start (optional)']);
  });
});
