import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import type { Subscription } from 'rxjs';

import { type SupervisorDashboard, apiRoutes } from '@portfolio/contracts';

import { type LoadState, failedLoad, loadedValue } from '../shared/load-state';

/** The supervisor's dashboard: their trainees, the requests waiting for them and their recent sign-offs. */
@Injectable({ providedIn: 'root' })
export class SupervisionStore {
  private readonly http = inject(HttpClient);

  private readonly state = signal<LoadState<SupervisorDashboard>>({ status: 'idle' });
  private request: Subscription | null = null;

  readonly status = computed(() => this.state().status);
  readonly dashboard = computed(() => loadedValue(this.state()));

  /** Fetched afresh each time the page opens, so the counts are today's. */
  open(): void {
    this.request?.unsubscribe();
    this.state.set({ status: 'loading' });
    this.request = this.http.get<SupervisorDashboard>(apiRoutes.supervision).subscribe({
      next: (dashboard) => this.state.set({ status: 'loaded', value: dashboard }),
      error: (error: unknown) => this.state.set(failedLoad(error)),
    });
  }
}
