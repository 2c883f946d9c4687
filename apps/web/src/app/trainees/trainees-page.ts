import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';

import { useBreadcrumbs } from '../shared/breadcrumbs';
import { CountPipe } from '../shared/count.pipe';
import { LabelOfKeyPipe } from '../shared/label-of-key.pipe';
import { ServiceProblem } from '../shared/service-problem';
import { TraineeStore } from './trainee-store';

@Component({
  selector: 'app-trainees-page',
  imports: [CountPipe, LabelOfKeyPipe, RouterLink, ServiceProblem],
  templateUrl: './trainees-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TraineesPage {
  protected readonly store = inject(TraineeStore);

  constructor() {
    this.store.openList();
    useBreadcrumbs(() => [{ label: 'Home', link: ['/'] }]);
  }

  protected retry(): void {
    this.store.openList();
  }
}
