import { Module } from '@nestjs/common';

import { EvidenceModule } from '../evidence/evidence.module';
import { MailModule } from '../mail/mail.module';
import { AssessingService } from './assessing.service';
import { AssessmentAttachments } from './assessment-attachments';
import { AssessmentReminders } from './assessment-reminders';
import { AssessmentRequests } from './assessment-requests';
import { AssessmentTemplatesModule } from './assessment-templates.module';
import { AssessmentTickets } from './assessment-tickets';
import { AssessmentViews } from './assessment-views';
import { AssessmentsController } from './assessments.controller';
import { AssessmentsRepository } from './assessments.repository';
import { AssessmentsService } from './assessments.service';
import { ExternalAssessmentController } from './external-assessment.controller';
import { TicketSessionGuard } from './ticket-session.guard';

@Module({
  imports: [AssessmentTemplatesModule, EvidenceModule, MailModule],
  controllers: [AssessmentsController, ExternalAssessmentController],
  providers: [
    AssessingService,
    AssessmentAttachments,
    AssessmentReminders,
    AssessmentRequests,
    AssessmentTickets,
    AssessmentViews,
    AssessmentsRepository,
    AssessmentsService,
    TicketSessionGuard,
  ],
  exports: [AssessmentReminders],
})
export class AssessmentsModule {}
