import { graphql } from '../../gql';

export const ReportPageQuery = graphql(`
  query ReportPage($id: ID!) {
    report(id: $id) {
      id
      ...ReportPage_report
    }
  }
`);

export const ReportPageFragment = graphql(`
  fragment ReportPage_report on Report {
    id
    reference
    status
    version
    dueAt
    submittedAt
    overdue
    viewerCanEdit
    reopenedQuestionId
    round {
      id
      name
      period
    }
    agreement {
      id
      reference
      units {
        id
        name
      }
    }
    provider {
      id
      name
      ownership
    }
    template {
      id
      name
      nameEn
      version
      sections {
        id
        title
        titleEn
        questions {
          id
          ...ReportQuestion_question
        }
      }
    }
    answers {
      question {
        id
      }
      value
      note
      confidentialityRequested
      confidentialityReason
    }
    attachments {
      id
      questionId
      fileName
      mediaType
      size
    }
    submissions {
      id
      reference
      receivedAt
    }
  }
`);

/** The year of a period ("2025", "2025-T2" → 2025), for the indicators' targets. */
export function periodYear(period: string): number | null {
  const m = /^(\d{4})/.exec(period);
  return m ? Number(m[1]) : null;
}

/** What a report is for: its units, else its agreement. */
export function reportTitle(report: { agreement: { reference: string; units: { name: string }[] } }): string {
  return report.agreement.units.map((u) => u.name).join(', ') || report.agreement.reference;
}

