import { describe, expect, it } from 'vitest';
import { gql } from '@apollo/client';
import { gqlError, handlerLink, viewerResult } from '../test/render';
import { createApolloClient } from './apollo';
import { ViewerQuery } from './viewer';

const UsersQuery = gql`
  query Users {
    users {
      totalCount
    }
  }
`;
const SaveMutation = gql`
  mutation Save {
    logout
  }
`;

describe('an ended session', () => {
  it('is noticed by a page query: the viewer is forgotten, so the pages behind the login ask to log in again', async () => {
    const client = createApolloClient(
      handlerLink((op) => (op.operationName === 'Viewer' ? viewerResult(['ADMIN']) : gqlError('UNAUTHENTICATED'))),
    );
    expect((await client.query({ query: ViewerQuery })).data?.viewer?.roles).toEqual(['ADMIN']);
    await client.query({ query: UsersQuery, errorPolicy: 'all' });
    expect(client.readQuery({ query: ViewerQuery })?.viewer).toBeNull();
  });

  it('is not acted on after a failed save: the form keeps what the user typed and says so', async () => {
    const client = createApolloClient(
      handlerLink((op) => (op.operationName === 'Viewer' ? viewerResult(['ADMIN']) : gqlError('UNAUTHENTICATED'))),
    );
    await client.query({ query: ViewerQuery });
    await client.mutate({ mutation: SaveMutation, errorPolicy: 'all' });
    expect(client.readQuery({ query: ViewerQuery })?.viewer?.roles).toEqual(['ADMIN']);
  });
});
