import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { apiRoutes } from '@portfolio/contracts';

import { hlmFixture, mlcfFixture, notFoundBody, summariesFixture } from '../testing/framework-fixtures';
import { FrameworkStore } from './framework-store';

describe('FrameworkStore', () => {
  let store: FrameworkStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    store = TestBed.inject(FrameworkStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  function openMlcf(): void {
    store.openFramework('mlcf');
    http.expectOne(apiRoutes.framework('mlcf')).flush(mlcfFixture());
  }

  const domainCodes = () => store.domainsAtSelectedStage().map((entry) => entry.domain.code);

  it('loads the list of frameworks once', () => {
    expect(store.summariesStatus()).toBe('idle');
    store.loadSummaries();
    expect(store.summariesStatus()).toBe('loading');
    store.loadSummaries();
    http.expectOne(apiRoutes.frameworks).flush(summariesFixture());

    expect(store.summariesStatus()).toBe('loaded');
    expect(store.summaries().map((summary) => summary.key)).toEqual(['mlcf', 'healthcare-leadership-model']);
  });

  it('orders stages by sequence and starts at the first one', () => {
    openMlcf();

    expect(store.frameworkStatus()).toBe('loaded');
    expect(store.stages().map((stage) => stage.key)).toEqual([
      'undergraduate',
      'postgraduate',
      'continuing-practice',
      'senior-leadership',
    ]);
    expect(store.selectedStage()?.key).toBe('undergraduate');
  });

  it('keeps to the domains and elements that apply at the chosen stage', () => {
    openMlcf();

    store.chooseStage('postgraduate');
    expect(domainCodes()).toEqual(['1', '2']);
    expect(store.domainsAtSelectedStage()[0].elements.map((item) => item.element.code)).toEqual(['1.1', '1.2']);
    expect(store.domainsAtSelectedStage()[0].elements[0].statements).toEqual([
      '1.1 at postgraduate: first outcome',
      '1.1 at postgraduate: second outcome',
    ]);
    expect(store.selectedStageCoverage()).toEqual({ domains: 2, totalDomains: 4, elements: 3, totalElements: 6 });

    store.chooseStage('senior-leadership');
    expect(domainCodes()).toEqual(['1', '2', '6', '7']);
    expect(store.selectedStageCoverage()).toEqual({ domains: 4, totalDomains: 4, elements: 6, totalElements: 6 });
  });

  it('falls back to the first stage for an unknown stage key', () => {
    openMlcf();
    store.chooseStage('registrar');

    expect(store.selectedStage()?.key).toBe('undergraduate');
    expect(store.chosenStageKey()).toBe('registrar');
  });

  it('gives frameworks without domains their elements at the stage', () => {
    store.openFramework('healthcare-leadership-model');
    http.expectOne(apiRoutes.framework('healthcare-leadership-model')).flush(hlmFixture());

    expect(store.domainsAtSelectedStage()).toEqual([]);
    expect(store.ungroupedElementsAtSelectedStage().map((item) => item.element.title)).toEqual([
      'Inspiring shared purpose',
      'Leading with care',
    ]);
    expect(store.selectedStageCoverage()).toEqual({ domains: 0, totalDomains: 0, elements: 2, totalElements: 2 });
  });

  it('does not fetch a framework it already holds', () => {
    openMlcf();
    store.openFramework('mlcf');

    http.expectNone(apiRoutes.framework('mlcf'));
    expect(store.framework()?.key).toBe('mlcf');
  });

  it('reports an unknown framework as not found', () => {
    store.openFramework('nope');
    http.expectOne(apiRoutes.framework('nope')).flush(notFoundBody, { status: 404, statusText: 'Not Found' });

    expect(store.frameworkStatusFor('nope')).toBe('not-found');
    expect(store.frameworkStatusFor('mlcf')).toBe('loading');
    expect(store.frameworkStatus()).toBe('not-found');
    expect(store.framework()).toBeNull();
    expect(store.domainsAtSelectedStage()).toEqual([]);
  });

  it('reports server and network failures as failed, and tries again when asked', () => {
    store.openFramework('mlcf');
    http.expectOne(apiRoutes.framework('mlcf')).flush(null, { status: 500, statusText: 'Server Error' });
    expect(store.frameworkStatus()).toBe('failed');

    store.openFramework('mlcf');
    http.expectOne(apiRoutes.framework('mlcf')).error(new ProgressEvent('error'));
    expect(store.frameworkStatus()).toBe('failed');

    openMlcf();
    expect(store.frameworkStatus()).toBe('loaded');
  });

  it('describes an element at every stage it applies at', () => {
    openMlcf();

    const details = store.elementDetails('6.1');
    expect(details?.domain?.title).toBe('Creating the Vision');
    expect(details?.outcomesByStage.map((outcomes) => outcomes.stage.key)).toEqual(['senior-leadership']);
    expect(details?.stagesNotApplying.map((stage) => stage.key)).toEqual([
      'undergraduate',
      'postgraduate',
      'continuing-practice',
    ]);
    expect(store.elementDetails('9.9')).toBeNull();
  });

  it('orders level descriptors by the rating scale', () => {
    store.openFramework('healthcare-leadership-model');
    http.expectOne(apiRoutes.framework('healthcare-leadership-model')).flush(hlmFixture());

    const details = store.elementDetails('leading-with-care');
    expect(details?.domain).toBeNull();
    expect(details?.levelDescriptors.map((entry) => entry.level.title)).toEqual([
      'Essential',
      'Proficient',
      'Strong',
      'Exemplary',
    ]);
  });
});
