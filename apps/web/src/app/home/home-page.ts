import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';

import { FrameworkStore } from '../frameworks/framework-store';
import { CountPipe } from '../shared/count.pipe';
import { SERVICE_NAME } from '../shared/page-title';

@Component({
  selector: 'app-home-page',
  imports: [CountPipe, RouterLink],
  templateUrl: './home-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HomePage {
  protected readonly serviceName = SERVICE_NAME;
  protected readonly store = inject(FrameworkStore);

  constructor() {
    this.store.loadSummaries();
  }

  protected retry(): void {
    this.store.loadSummaries();
  }
}
