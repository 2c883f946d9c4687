import { mlcfFixture } from '../testing/framework-fixtures';
import { type PickableElement, pickableElements, searchElements } from './element-search';

const elements: PickableElement[] = [
  { key: '1.1', code: '1.1', title: 'Developing Self Awareness', domainTitle: 'Demonstrating Personal Qualities' },
  { key: '4.1', code: '4.1', title: 'Planning', domainTitle: 'Improving Services' },
  { key: '4.2', code: '4.2', title: 'Managing Resources', domainTitle: 'Managing Services' },
  { key: '4.3', code: '4.3', title: 'Managing People', domainTitle: 'Managing Services' },
  { key: '5.3', code: '5.3', title: 'Evaluating Services', domainTitle: 'Improving Services' },
  { key: '14.1', code: '14.1', title: 'A fourteenth domain', domainTitle: 'Not in the MLCF' },
];

const codes = (found: PickableElement[]) => found.map((element) => element.code);

describe('searchElements', () => {
  it('finds an element by its number', () => {
    expect(codes(searchElements(elements, '4.2'))).toEqual(['4.2']);
    expect(codes(searchElements(elements, ' 5.3 '))).toEqual(['5.3']);
  });

  it('finds the elements of a domain by its number, but not of domains whose number starts the same', () => {
    expect(codes(searchElements(elements, '4'))).toEqual(['4.1', '4.2', '4.3']);
    expect(codes(searchElements(elements, '4.'))).toEqual(['4.1', '4.2', '4.3']);
    expect(codes(searchElements(elements, '1'))).toEqual(['1.1']);
  });

  it('finds elements by the start of words in their title or domain, in any case', () => {
    expect(codes(searchElements(elements, 'evaluat'))).toEqual(['5.3']);
    expect(codes(searchElements(elements, 'MANAGING'))).toEqual(['4.2', '4.3']);
    expect(codes(searchElements(elements, 'improving services'))).toEqual(['4.1', '5.3']);
    expect(codes(searchElements(elements, 'managing people'))).toEqual(['4.3']);
  });

  it('needs every word to match, and only at the start of a word', () => {
    expect(searchElements(elements, 'managing evaluat')).toEqual([]);
    expect(searchElements(elements, 'valuating')).toEqual([]);
  });

  it('finds nothing for nothing typed, and no more than the limit', () => {
    expect(searchElements(elements, '   ')).toEqual([]);
    expect(codes(searchElements(elements, 'services', 2))).toEqual(['4.1', '4.2']);
  });
});

describe('pickableElements', () => {
  it('lists the elements that apply at the stage, in framework order, with their domain', () => {
    const atPostgraduate = pickableElements(mlcfFixture(), 'postgraduate');
    expect(codes(atPostgraduate)).toEqual(['1.1', '1.2', '2.1']);
    expect(atPostgraduate[0]).toEqual({
      key: '1.1',
      code: '1.1',
      title: 'Developing Self Awareness',
      domainTitle: 'Demonstrating Personal Qualities',
    });
    expect(codes(pickableElements(mlcfFixture(), 'senior-leadership'))).toContain('6.1');
    expect(codes(pickableElements(mlcfFixture(), null))).toEqual(['1.1', '1.2', '2.1', '6.1', '7.1', '7.2']);
  });
});
