import { graphql } from '../../gql';

/** A question as the publication views show it and its values are read. */
export const PublicationQuestionFragment = graphql(`
  fragment PublicationQuestion_question on Question {
    id
    code
    text
    textEn
    type
    unitLabel
    options {
      key
      label
      labelEn
    }
    indicator {
      id
      code
      unit
    }
  }
`);

export const PublishedValueFragment = graphql(`
  fragment PublishedValue_value on PublishedValue {
    id
    version
    value
    valueNumber
    target
    colour
    suppressed
    suppressionReason
    publishedAt
    question {
      id
      ...PublicationQuestion_question
    }
  }
`);

export const PublicResponseFragment = graphql(`
  fragment PublicResponse_response on PublicResponse {
    id
    body
    status
    submittedAt
    submittedByName
    decidedAt
    decidedByName
    decisionReason
  }
`);

/** The reviewer's panel: the report's publication state, decisions, values, corrections and responses. */
export const PublicationPanelQuery = graphql(`
  query PublicationPanel($id: ID!) {
    report(id: $id) {
      id
      status
      version
      publishedAt
      viewerCanPublish
      round {
        id
        period
      }
      template {
        id
        sections {
          id
          questions {
            id
            ...PublicationQuestion_question
          }
        }
      }
      answers {
        question {
          id
        }
        value
        confidentialityRequested
        confidentialityReason
      }
      confidentialityDecisions {
        id
        granted
        reason
        decidedAt
        decidedByName
        question {
          id
        }
      }
      publishedValues {
        id
        ...PublishedValue_value
      }
      corrections {
        version
        oldValue
        oldValueNumber
        oldSuppressed
        newValue
        newValueNumber
        newSuppressed
        reason
        correctedAt
        correctedByName
        question {
          id
          ...PublicationQuestion_question
        }
      }
      publicResponses {
        id
        ...PublicResponse_response
      }
    }
  }
`);

/** Exactly what the public would see if the report were published now. */
export const PublicationPreviewQuery = graphql(`
  query PublicationPreview($reportId: ID!) {
    publicationPreview(reportId: $reportId) {
      canPublish
      blockedReason
      pendingConfidentiality {
        id
        code
      }
      values {
        value
        valueNumber
        target
        colour
        suppressed
        suppressionReason
        question {
          id
          ...PublicationQuestion_question
        }
      }
      withheld {
        reason
        question {
          id
          ...PublicationQuestion_question
        }
      }
    }
  }
`);

export const DecideConfidentialityMutation = graphql(`
  mutation DecideConfidentiality($reportId: ID!, $questionId: ID!, $granted: Boolean!, $reason: String!) {
    decideConfidentiality(reportId: $reportId, questionId: $questionId, granted: $granted, reason: $reason) {
      id
      granted
      reason
    }
  }
`);

export const PublishReportMutation = graphql(`
  mutation PublishReport($reportId: ID!) {
    publishReport(reportId: $reportId) {
      id
      status
      version
      publishedAt
    }
  }
`);

export const CorrectPublishedValueMutation = graphql(`
  mutation CorrectPublishedValue($input: CorrectPublishedValueInput!) {
    correctPublishedValue(input: $input) {
      id
      version
    }
  }
`);

export const DecidePublicResponseMutation = graphql(`
  mutation DecidePublicResponse($id: ID!, $accept: Boolean!, $reason: String) {
    decidePublicResponse(id: $id, accept: $accept, reason: $reason) {
      id
      status
      decisionReason
    }
  }
`);

/** The provider's view of its own published report. */
export const ProviderPublicationQuery = graphql(`
  query ProviderPublication($id: ID!) {
    report(id: $id) {
      id
      status
      publishedAt
      round {
        id
        period
      }
      publishedValues {
        id
        ...PublishedValue_value
      }
      corrections {
        version
        oldValue
        oldValueNumber
        oldSuppressed
        newValue
        newValueNumber
        newSuppressed
        reason
        correctedAt
        correctedByName
        question {
          id
          ...PublicationQuestion_question
        }
      }
      publicResponses {
        id
        ...PublicResponse_response
      }
    }
  }
`);

export const SubmitPublicResponseMutation = graphql(`
  mutation SubmitPublicResponse($reportId: ID!, $body: String!) {
    submitPublicResponse(reportId: $reportId, body: $body) {
      id
      ...PublicResponse_response
    }
  }
`);
