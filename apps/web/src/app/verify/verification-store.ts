import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import { type ReportVerification, apiRoutes } from '@portfolio/contracts';

import { statusOf } from '../shared/api-errors';
import { type LoadState, loadedValue } from '../shared/load-state';

/** What was checked: a code as typed or followed from a printed link, or a PDF file. */
export type VerificationSource = { kind: 'code'; code: string } | { kind: 'file'; fileName: string };

export interface VerificationOutcome {
  source: VerificationSource;
  verification: ReportVerification;
}

const notGenuine: ReportVerification = { genuine: false, report: null };

/**
 * Public checks of progression reports, for anyone holding one: by the code printed on it, or
 * by the PDF file itself. Nothing here needs signing in.
 */
@Injectable({ providedIn: 'root' })
export class VerificationStore {
  private readonly http = inject(HttpClient);

  private readonly state = signal<LoadState<VerificationOutcome>>({ status: 'idle' });
  /** Answers to an earlier check that arrive late are dropped. */
  private checks = 0;

  readonly status = computed(() => this.state().status);
  readonly outcome = computed(() => loadedValue(this.state()));

  async checkCode(code: string): Promise<void> {
    await this.check({ kind: 'code', code }, () =>
      firstValueFrom(this.http.get<ReportVerification>(apiRoutes.reportVerify(code))),
    );
  }

  /** Sends the file to be matched by its SHA-256; a failure the user can fix (not a PDF, too big) is thrown. */
  async checkFile(file: File): Promise<void> {
    const body = new FormData();
    body.append('file', file, file.name);
    await this.check({ kind: 'file', fileName: file.name }, () =>
      firstValueFrom(this.http.post<ReportVerification>(apiRoutes.reportFileVerification, body)),
    );
  }

  clear(): void {
    this.checks++;
    this.state.set({ status: 'idle' });
  }

  private async check(source: VerificationSource, ask: () => Promise<ReportVerification>): Promise<void> {
    const check = ++this.checks;
    this.state.set({ status: 'loading' });
    try {
      const verification = await ask();
      if (check === this.checks) {
        this.state.set({ status: 'loaded', value: { source, verification } });
      }
    } catch (error: unknown) {
      if (check !== this.checks) {
        return;
      }
      if (statusOf(error) === 404) {
        // An unknown code is an answer, not a failure: the report is not one of ours.
        this.state.set({ status: 'loaded', value: { source, verification: notGenuine } });
        return;
      }
      this.state.set({ status: 'idle' });
      throw error;
    }
  }
}
