import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import type { Subscription } from 'rxjs';

import { type TodoList, apiRoutes } from '@portfolio/contracts';

import { type LoadState, loadedValue } from '../shared/load-state';

/** The home page's state: what waits for the signed-in user, fetched afresh each time the page opens. */
@Injectable({ providedIn: 'root' })
export class TodoStore {
  private readonly http = inject(HttpClient);

  private readonly state = signal<LoadState<TodoList>>({ status: 'idle' });
  private request: Subscription | null = null;

  readonly status = computed(() => this.state().status);
  readonly todo = computed(() => loadedValue(this.state()));
  readonly isEmpty = computed(() => {
    const todo = this.todo();
    return (
      todo !== null &&
      todo.toAssess.length + todo.returned.length + todo.expiringTickets.length + todo.quietTrainees.length === 0
    );
  });

  /** Stops waiting for the list: the page closed, or the user is signing out. */
  close(): void {
    this.request?.unsubscribe();
    this.request = null;
  }

  open(): void {
    this.request?.unsubscribe();
    this.state.set({ status: 'loading' });
    this.request = this.http.get<TodoList>(apiRoutes.todo).subscribe({
      next: (todo) => this.state.set({ status: 'loaded', value: todo }),
      // Every signed-in user has a list, so any error is the service failing.
      error: () => this.state.set({ status: 'failed' }),
    });
  }
}
