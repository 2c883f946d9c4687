import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import { type Observable, type Subscription, firstValueFrom } from 'rxjs';

import {
  type CreateAssignmentRequest,
  type CreateDeaneryRequest,
  type CreateProgrammeRequest,
  type CreateUserRequest,
  type DeaneryView,
  type OutboxMessageView,
  type OutboxPage,
  type ProgrammeView,
  type Role,
  type SupervisorAssignmentView,
  type TraineeImportResult,
  type UpdateUserRequest,
  type UserPage,
  type UserView,
  apiRoutes,
} from '@portfolio/contracts';

import { type LoadState, failedLoad } from '../shared/load-state';
import { type PagedList, PagedLoader, emptyPagedList } from '../shared/paged-list';

export interface UserQuery {
  search: string;
  role: Role | null;
}

/** The API hands out at most this many users a page. */
const largestPage = 100;

/**
 * The administration feature's state: deaneries with their programmes, the users found by the
 * last search, and the mail in the outbox. Every page fetches afresh when it opens; writes answer promises so that
 * forms can show the API's field errors.
 */
@Injectable({ providedIn: 'root' })
export class AdminStore {
  private readonly http = inject(HttpClient);

  private readonly deaneriesState = signal<LoadState<DeaneryView[]>>({ status: 'idle' });
  private readonly usersState = signal<PagedList<UserView>>(emptyPagedList());
  private usersQuery: UserQuery = { search: '', role: null };
  private usersRequest: Subscription | null = null;

  private readonly outboxPages = new PagedLoader<OutboxMessageView>((cursor) =>
    this.http.get<OutboxPage>(apiRoutes.adminOutbox, {
      params: cursor ? new HttpParams().set('cursor', cursor) : undefined,
    }),
  );

  readonly deaneries = this.deaneriesState.asReadonly();
  readonly users = this.usersState.asReadonly();
  /** Mail the product has sent or holds to send, newest first. */
  readonly outbox = this.outboxPages.list;

  loadDeaneries(): void {
    this.deaneriesState.set({ status: 'loading' });
    this.http.get<DeaneryView[]>(apiRoutes.adminDeaneries).subscribe({
      next: (deaneries) => this.deaneriesState.set({ status: 'loaded', value: deaneries }),
      error: (error: unknown) => this.deaneriesState.set(failedLoad(error)),
    });
  }

  openOutbox(): void {
    this.outboxPages.open();
  }

  loadMoreOutbox(): void {
    this.outboxPages.loadMore();
  }

  async createDeanery(request: CreateDeaneryRequest): Promise<DeaneryView> {
    const deanery = await firstValueFrom(this.http.post<DeaneryView>(apiRoutes.adminDeaneries, request));
    this.updateDeaneries((deaneries) => [...deaneries, deanery]);
    return deanery;
  }

  async createProgramme(deaneryId: string, request: CreateProgrammeRequest): Promise<ProgrammeView> {
    const programme = await firstValueFrom(
      this.http.post<ProgrammeView>(apiRoutes.adminProgrammes(deaneryId), request),
    );
    this.updateDeaneries((deaneries) =>
      deaneries.map((deanery) =>
        deanery.id === deaneryId ? { ...deanery, programmes: [...deanery.programmes, programme] } : deanery,
      ),
    );
    return programme;
  }

  searchUsers(query: UserQuery): void {
    this.usersRequest?.unsubscribe();
    this.usersQuery = query;
    this.usersState.set(emptyPagedList('loading'));
    this.usersRequest = this.fetchUsers(query, null).subscribe({
      next: (page) =>
        this.usersState.set({ ...emptyPagedList('loaded'), items: page.items, nextCursor: page.nextCursor }),
      error: (error: unknown) => this.usersState.set(emptyPagedList(failedLoad(error).status)),
    });
  }

  loadMoreUsers(): void {
    const current = this.usersState();
    if (current.loadingMore || current.nextCursor === null) {
      return;
    }
    this.usersState.set({ ...current, loadingMore: true, moreFailed: false });
    this.usersRequest = this.fetchUsers(this.usersQuery, current.nextCursor).subscribe({
      next: (page) =>
        this.usersState.update((state) => ({
          ...state,
          items: [...state.items, ...page.items],
          nextCursor: page.nextCursor,
          loadingMore: false,
        })),
      error: () => this.usersState.update((state) => ({ ...state, loadingMore: false, moreFailed: true })),
    });
  }

  /**
   * One user, by id: from the list on screen, or else (or when `fresh`) from the API. The API
   * lists users but has no address for one, so this pages through the list until it meets them.
   */
  async findUser(id: string, { fresh = false } = {}): Promise<UserView | null> {
    const listed = this.usersState().items.find((item) => item.id === id);
    if (listed && !fresh) {
      return listed;
    }
    let cursor: string | null = null;
    do {
      const page: UserPage = await firstValueFrom(this.fetchUsers({ search: '', role: null }, cursor, largestPage));
      const user = page.items.find((item) => item.id === id);
      if (user) {
        return user;
      }
      cursor = page.nextCursor;
    } while (cursor !== null);
    return null;
  }

  /** The account with exactly this email address and role, if there is one. */
  async findUserByEmail(email: string, role: Role): Promise<UserView | null> {
    const page = await firstValueFrom(this.fetchUsers({ search: email, role }, null, largestPage));
    return page.items.find((user) => user.email.toLowerCase() === email.toLowerCase()) ?? null;
  }

  createUser(request: CreateUserRequest): Promise<UserView> {
    return firstValueFrom(this.http.post<UserView>(apiRoutes.adminUsers, request));
  }

  async updateUser(id: string, request: UpdateUserRequest): Promise<UserView> {
    const user = await firstValueFrom(this.http.patch<UserView>(apiRoutes.adminUser(id), request));
    this.usersState.update((state) => ({
      ...state,
      items: state.items.map((item) => (item.id === id ? user : item)),
    }));
    return user;
  }

  async resetAuthenticator(id: string, reason: string): Promise<UserView> {
    const user = await firstValueFrom(this.http.post<UserView>(apiRoutes.adminUserAuthenticatorReset(id), { reason }));
    this.usersState.update((state) => ({
      ...state,
      items: state.items.map((item) => (item.id === id ? user : item)),
    }));
    return user;
  }

  assignSupervisor(request: CreateAssignmentRequest): Promise<SupervisorAssignmentView> {
    return firstValueFrom(this.http.post<SupervisorAssignmentView>(apiRoutes.adminAssignments, request));
  }

  importTrainees(csv: string): Promise<TraineeImportResult> {
    return firstValueFrom(this.http.post<TraineeImportResult>(apiRoutes.adminTraineeImport, { csv }));
  }

  private updateDeaneries(change: (deaneries: DeaneryView[]) => DeaneryView[]): void {
    const state = this.deaneriesState();
    if (state.status === 'loaded') {
      this.deaneriesState.set({ status: 'loaded', value: change(state.value) });
    }
  }

  private fetchUsers(query: UserQuery, cursor: string | null, limit?: number): Observable<UserPage> {
    let params = new HttpParams();
    if (query.search) {
      params = params.set('search', query.search);
    }
    if (query.role) {
      params = params.set('role', query.role);
    }
    if (cursor) {
      params = params.set('cursor', cursor);
    }
    if (limit) {
      params = params.set('limit', limit);
    }
    return this.http.get<UserPage>(apiRoutes.adminUsers, { params });
  }
}
