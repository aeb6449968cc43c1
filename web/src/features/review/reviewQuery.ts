import { graphql } from '../../gql';

/** A comment thread with its comments: the reviewer's view and the provider's panel show the same. */
export const ThreadListFragment = graphql(`
  fragment ThreadList_thread on CommentThread {
    id
    resolved
    resolvedAt
    createdAt
    answerChanged
    question {
      id
      code
      text
      textEn
    }
    comments {
      id
      body
      authorName
      authorRole
      createdAt
    }
  }
`);

export const ReviewReportQuery = graphql(`
  query ReviewReport($id: ID!) {
    report(id: $id) {
      id
      ...ReviewReport_report
    }
  }
`);

export const ReviewReportFragment = graphql(`
  fragment ReviewReport_report on Report {
    id
    reference
    status
    version
    dueAt
    submittedAt
    approvedAt
    overdue
    openThreadCount
    viewerCanReview
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
      choiceSystem {
        id
        name
      }
      units {
        id
        name
        municipality {
          code
          name
        }
      }
    }
    provider {
      id
      name
      ownership
    }
    assignedTo {
      id
      name
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
          code
          text
          textEn
          type
          required
          unitLabel
          options {
            key
            label
            labelEn
          }
          goal {
            id
            code
          }
          indicator {
            id
            code
            name
            unit
            direction
          }
        }
      }
      coverage {
        goals {
          goal {
            id
            code
            title
          }
          questions {
            id
            code
          }
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
      reading {
        value
        target
        amberThreshold
        colour
      }
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
    changes {
      question {
        id
      }
      previous
      current
      changed
    }
    threads {
      id
      ...ThreadList_thread
    }
    decisions {
      id
      kind
      reason
      decidedAt
      decidedByName
      question {
        id
        code
      }
    }
    assessments {
      goal {
        id
        code
        title
      }
      rating
      motivation
    }
    history {
      at
      action
      actorName
      reason
      reference
    }
  }
`);

export const AddCommentMutation = graphql(`
  mutation ReviewAddComment($input: AddCommentInput!) {
    addComment(input: $input) {
      id
    }
  }
`);

export const ResolveThreadMutation = graphql(`
  mutation ReviewResolveThread($threadId: ID!) {
    resolveThread(threadId: $threadId) {
      id
      resolved
      resolvedAt
    }
  }
`);

export const ReopenThreadMutation = graphql(`
  mutation ReviewReopenThread($threadId: ID!) {
    reopenThread(threadId: $threadId) {
      id
      resolved
      resolvedAt
    }
  }
`);

export const RequestChangesMutation = graphql(`
  mutation ReviewRequestChanges($reportId: ID!, $reason: String!) {
    requestChanges(reportId: $reportId, reason: $reason) {
      id
      status
      version
    }
  }
`);

export const ApproveReportMutation = graphql(`
  mutation ReviewApproveReport($reportId: ID!, $assessments: [GoalAssessmentInput!]!) {
    approveReport(reportId: $reportId, assessments: $assessments) {
      id
      status
      version
    }
  }
`);

export const ReopenQuestionMutation = graphql(`
  mutation ReviewReopenQuestion($reportId: ID!, $questionId: ID!, $reason: String!) {
    reopenQuestion(reportId: $reportId, questionId: $questionId, reason: $reason) {
      id
      status
      version
      reopenedQuestionId
    }
  }
`);

export const AssignReportsMutation = graphql(`
  mutation ReviewAssignReports($reportIds: [ID!]!, $reviewerId: ID) {
    assignReports(reportIds: $reportIds, reviewerId: $reviewerId) {
      id
      assignedTo {
        id
        name
      }
    }
  }
`);

/** What a report is for: its units, else its agreement. */
export function reportTitle(report: { agreement: { reference: string; units: readonly { name: string }[] } }): string {
  return report.agreement.units.map((u) => u.name).join(', ') || report.agreement.reference;
}
