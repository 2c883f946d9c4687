import { ASSESSMENT_TICKET_DAYS } from '@portfolio/contracts';

import type { MailMessage } from '../mail/mailer';

// The words of the mail about assessments, in one place.

export function externalRequestMail(input: {
  to: string;
  assessorName: string;
  traineeName: string;
  title: string;
  templateTitle: string;
  link: string;
}): MailMessage {
  return {
    to: input.to,
    subject: `Please assess: ${input.templateTitle} by ${input.traineeName}`,
    text: [
      `Dear ${input.assessorName},`,
      '',
      `${input.traineeName} has asked you to assess their ${input.templateTitle.toLowerCase()}, "${input.title}".`,
      '',
      `Open this link to read the work, rate it and sign it off or return it for revision. You do not need an account.`,
      '',
      input.link,
      '',
      `The link works once and for ${ASSESSMENT_TICKET_DAYS} days. Do not forward it: whoever opens it can assess the work.`,
    ].join('\n'),
  };
}

export function internalRequestMail(input: {
  to: string;
  assessorName: string;
  traineeName: string;
  title: string;
  templateTitle: string;
  link: string;
}): MailMessage {
  return {
    to: input.to,
    subject: `Please assess: ${input.templateTitle} by ${input.traineeName}`,
    text: [
      `Dear ${input.assessorName},`,
      '',
      `${input.traineeName} has asked you to assess their ${input.templateTitle.toLowerCase()}, "${input.title}".`,
      '',
      `Sign in and open it here: ${input.link}`,
    ].join('\n'),
  };
}

export function decisionMail(input: {
  to: string;
  traineeName: string;
  title: string;
  assessorName: string;
  decision: 'returned' | 'signed-off';
  link: string;
}): MailMessage {
  const returned = input.decision === 'returned';
  return {
    to: input.to,
    subject: returned ? `Returned for revision: ${input.title}` : `Signed off: ${input.title}`,
    text: [
      `Dear ${input.traineeName},`,
      '',
      returned
        ? `${input.assessorName} has returned "${input.title}" for revision, with comments. Revise it and send it again.`
        : `${input.assessorName} has signed off "${input.title}".`,
      '',
      input.link,
    ].join('\n'),
  };
}

export function reminderMail(input: {
  to: string;
  assessorName: string;
  traineeName: string;
  title: string;
  waitingDays: number;
  /** Null for an external assessor, whose link came in the first message. */
  link: string | null;
}): MailMessage {
  return {
    to: input.to,
    subject: `Reminder: ${input.traineeName} is waiting for your assessment`,
    text: [
      `Dear ${input.assessorName},`,
      '',
      `${input.traineeName} sent you "${input.title}" to assess ${input.waitingDays} days ago, and it is still waiting.`,
      '',
      input.link ??
        'Open it with the link in the first message we sent you. If the link no longer works, ask the trainee to send a new one.',
    ].join('\n'),
  };
}
