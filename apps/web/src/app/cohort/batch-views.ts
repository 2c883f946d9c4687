import type { ReportBatchStatus, ReportBatchView } from '@portfolio/contracts';

const numberFormat = new Intl.NumberFormat('en-GB');

/** While a batch is queued or running its page keeps asking how far it has got. */
export function isBatchUnderway(status: ReportBatchStatus): boolean {
  return status === 'queued' || status === 'running';
}

/** Reports dealt with so far, whether made or failed, never more than the total. */
export function reportsProcessed(batch: ReportBatchView): number {
  return Math.min(batch.total, batch.done + batch.failed);
}

export function percentProcessed(batch: ReportBatchView): number {
  return batch.total === 0 ? 100 : Math.floor((reportsProcessed(batch) / batch.total) * 100);
}

/**
 * A wait in words, rounded as a person would say it: "a few seconds", "30 seconds",
 * "2 minutes", "1 hour 10 minutes". Exact seconds would tick down too fast to read.
 */
export function durationText(seconds: number): string {
  const rounded = Math.max(0, Math.round(seconds));
  if (rounded < 10) {
    return 'a few seconds';
  }
  const nearestFive = Math.round(rounded / 5) * 5;
  if (nearestFive < 60) {
    return `${nearestFive} seconds`;
  }
  const minutes = Math.max(1, Math.round(rounded / 60));
  if (minutes < 60) {
    return minutes === 1 ? '1 minute' : `${minutes} minutes`;
  }
  const hours = Math.floor(minutes / 60);
  const extraMinutes = minutes % 60;
  const hourText = hours === 1 ? '1 hour' : `${hours} hours`;
  if (extraMinutes === 0) {
    return hourText;
  }
  return `${hourText} ${extraMinutes === 1 ? '1 minute' : `${extraMinutes} minutes`}`;
}

/** "412 of 1,000 reports, about 30 seconds left": what the progress bar shows, in words. */
export function batchProgressText(batch: ReportBatchView): string {
  const count = `${numberFormat.format(reportsProcessed(batch))} of ${numberFormat.format(batch.total)} ${
    batch.total === 1 ? 'report' : 'reports'
  }`;
  switch (batch.status) {
    case 'queued':
      return `${count}, waiting to start`;
    case 'running':
      return batch.estimatedSecondsLeft === null
        ? `${count}, working out how long is left`
        : `${count}, about ${durationText(batch.estimatedSecondsLeft)} left`;
    case 'finished':
      return `${count}, finished`;
    case 'failed':
      return `${count}, stopped`;
  }
}

export function formatCount(count: number): string {
  return numberFormat.format(count);
}
