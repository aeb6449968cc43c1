import { graphql } from '../../gql';

export const InsightRequestRowFragment = graphql(`
  fragment InsightRequestRow_request on InsightRequest {
    id
    reference
    subject
    language
    status
    receivedAt
    dueAt
    overdue
    provider {
      id
      name
    }
  }
`);

export const InsightRequestsQuery = graphql(`
  query InsightRequests($filter: InsightRequestFilter, $first: Int!, $after: String) {
    insightRequests(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          ...InsightRequestRow_request
        }
      }
    }
  }
`);

export const InsightRequestFragment = graphql(`
  fragment InsightRequestDetail_request on InsightRequest {
    id
    version
    reference
    subject
    description
    status
    receivedAt
    dueAt
    overdue
    requesterEmail
    language
    forwardedAt
    answer
    answeredAt
    secretParts {
      id
      text
      reason
    }
    decision
    legalGround
    appealNote
    decisionText
    decidedAt
    closedAt
    closeNote
    viewerCanAnswer
    viewerCanHandle
    answeredByName
    provider {
      id
      name
      ownership
    }
    unit {
      id
      name
    }
    events {
      kind
      at
      actorName
      note
    }
  }
`);

export const InsightRequestQuery = graphql(`
  query InsightRequest($id: ID!) {
    insightRequest(id: $id) {
      id
      ...InsightRequestDetail_request
    }
  }
`);

/** Providers a request can be forwarded to. */
export const ForwardProvidersQuery = graphql(`
  query InsightForwardProviders {
    providers(first: 500) {
      edges {
        node {
          id
          name
          ownership
        }
      }
    }
  }
`);

export const RegisterInsightRequestMutation = graphql(`
  mutation RegisterInsightRequest($id: ID!, $expectedVersion: Int!) {
    registerInsightRequest(id: $id, expectedVersion: $expectedVersion) {
      id
      ...InsightRequestDetail_request
    }
  }
`);

export const ForwardInsightRequestMutation = graphql(`
  mutation ForwardInsightRequest($id: ID!, $expectedVersion: Int!, $providerId: ID!, $dueAt: DateTime) {
    forwardInsightRequest(id: $id, expectedVersion: $expectedVersion, providerId: $providerId, dueAt: $dueAt) {
      id
      ...InsightRequestDetail_request
    }
  }
`);

export const RemindInsightRequestMutation = graphql(`
  mutation RemindInsightRequest($id: ID!) {
    remindInsightRequest(id: $id) {
      id
      ...InsightRequestDetail_request
    }
  }
`);

export const AnswerInsightRequestMutation = graphql(`
  mutation AnswerInsightRequest($id: ID!, $expectedVersion: Int!, $answer: String!, $secretParts: [InsightSecretPartInput!]!) {
    answerInsightRequest(id: $id, expectedVersion: $expectedVersion, answer: $answer, secretParts: $secretParts) {
      id
      ...InsightRequestDetail_request
    }
  }
`);

export const DecideInsightRequestMutation = graphql(`
  mutation DecideInsightRequest(
    $id: ID!
    $expectedVersion: Int!
    $decision: InsightDecision!
    $legalGround: String
    $appealNote: String
    $text: String!
  ) {
    decideInsightRequest(id: $id, expectedVersion: $expectedVersion, decision: $decision, legalGround: $legalGround, appealNote: $appealNote, text: $text) {
      id
      ...InsightRequestDetail_request
    }
  }
`);

export const CloseInsightRequestMutation = graphql(`
  mutation CloseInsightRequest($id: ID!, $expectedVersion: Int!) {
    closeInsightRequest(id: $id, expectedVersion: $expectedVersion) {
      id
      ...InsightRequestDetail_request
    }
  }
`);
