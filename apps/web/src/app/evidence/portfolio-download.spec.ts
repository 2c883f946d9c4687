import { TestBed } from '@angular/core/testing';

import { PortfolioDownload } from './portfolio-download';

describe('PortfolioDownload', () => {
  it('links straight to the ZIP, so the browser saves it as it streams, and says what it holds', async () => {
    const fixture = TestBed.createComponent(PortfolioDownload);
    fixture.componentRef.setInput('traineeId', 'trainee 1');
    fixture.detectChanges();
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;

    const link = element.querySelector('a.nhsuk-button') as HTMLAnchorElement;
    expect(link.textContent?.trim()).toBe('Download my whole portfolio (ZIP)');
    expect(link.getAttribute('href')).toBe('/api/trainees/trainee%201/portfolio.zip');
    expect(link.hasAttribute('download')).toBe(true);
    expect(element.querySelector('h2')?.textContent).toBe('Download my whole portfolio');
    expect(element.textContent).toContain('drafts and private reflections included');
    expect(element.querySelectorAll('li')).toHaveLength(4);
  });
});
