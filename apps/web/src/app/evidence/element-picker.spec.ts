import { TestBed } from '@angular/core/testing';

import { textOf } from '../testing/page-harness';
import { ElementPicker } from './element-picker';
import type { PickableElement } from './element-search';
import type { DraftLink } from './evidence-draft';

const elements: PickableElement[] = [
  { key: '1.1', code: '1.1', title: 'Developing Self Awareness', domainTitle: 'Demonstrating Personal Qualities' },
  { key: '4.2', code: '4.2', title: 'Managing Resources', domainTitle: 'Managing Services' },
  { key: '5.3', code: '5.3', title: 'Evaluating Services', domainTitle: 'Improving Services' },
];

describe('ElementPicker', () => {
  async function render(links: DraftLink[] = []) {
    const fixture = TestBed.createComponent(ElementPicker);
    fixture.componentRef.setInput('elements', elements);
    fixture.componentRef.setInput('stageKey', 'postgraduate');
    fixture.componentRef.setInput('stageTitles', { postgraduate: 'Postgraduate' });
    fixture.componentRef.setInput('links', links);
    const added: DraftLink[] = [];
    const removed: number[] = [];
    fixture.componentInstance.linkAdded.subscribe((link) => added.push(link));
    fixture.componentInstance.linkRemoved.subscribe((index) => removed.push(index));
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const type = async (text: string) => {
      const input = element.querySelector<HTMLInputElement>('#element-search');
      if (!input) {
        throw new Error('No search box');
      }
      input.value = text;
      input.dispatchEvent(new Event('input'));
      await fixture.whenStable();
    };
    return { fixture, element, added, removed, type };
  }

  it('finds elements by number or by words and adds the one chosen at the stage', async () => {
    const { element, added, type } = await render();

    await type('4.2');
    expect(textOf(element, '.app-element-results__name')).toEqual(['4.2 Managing Resources Managing Services']);
    expect(textOf(element, '[role="status"]')).toEqual(['1 element matches']);

    await type('evaluat');
    expect(textOf(element, '.app-element-results__name')).toEqual(['5.3 Evaluating Services Improving Services']);
    element.querySelector<HTMLButtonElement>('.app-element-results__add')?.click();
    await Promise.resolve();

    expect(added).toEqual([
      {
        elementKey: '5.3',
        stageKey: 'postgraduate',
        note: '',
        elementCode: '5.3',
        elementTitle: 'Evaluating Services',
      },
    ]);
    expect(document.activeElement).toBe(element.querySelector('#element-search'));
  });

  it('says when nothing matches, and leaves out elements already linked at the stage', async () => {
    const linked: DraftLink = {
      elementKey: '4.2',
      stageKey: 'postgraduate',
      note: 'Rota budget',
      elementCode: '4.2',
      elementTitle: 'Managing Resources',
    };
    const { element, removed, type } = await render([linked]);

    await type('4.2');
    expect(element.querySelector('.app-element-results')).toBeNull();
    expect(textOf(element, '[role="status"]')).toEqual(['No element at this stage matches “4.2”.']);

    expect(textOf(element, '.app-linked-elements__item p')).toEqual(['4.2 Managing Resources (Postgraduate)']);
    expect(element.querySelector<HTMLInputElement>('#link-note-0')?.value).toBe('Rota budget');
    element.querySelector<HTMLButtonElement>('.app-linked-elements__item button')?.click();
    expect(removed).toEqual([0]);
  });
});
