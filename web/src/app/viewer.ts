import { useQuery } from '@apollo/client/react';
import type { Role } from '@insyn/shared';
import { graphql } from '../gql';
import type { Viewer_ViewerFragment } from '../gql/graphql';

export const ViewerFragment = graphql(`
  fragment Viewer_viewer on Viewer {
    id
    email
    name
    roles
    mustChangePassword
    provider {
      id
      name
    }
  }
`);

/** Who is logged in, asked once at start (the session is an httpOnly cookie the app cannot read). */
export const ViewerQuery = graphql(`
  query Viewer {
    viewer {
      id
      ...Viewer_viewer
    }
  }
`);

export type SessionViewer = Viewer_ViewerFragment;

/**
 * The logged-in user, null when nobody is, undefined while the first answer is on its way. A
 * failed request counts as not logged in, so public pages keep working without the API.
 */
export function useViewer(): { viewer: SessionViewer | null | undefined; loading: boolean } {
  const { data, loading, error } = useQuery(ViewerQuery);
  if (data) return { viewer: data.viewer ?? null, loading: false };
  if (error) return { viewer: null, loading: false };
  return { viewer: undefined, loading };
}

export function hasAnyRole(viewer: Pick<SessionViewer, 'roles'> | null | undefined, roles: readonly Role[]): boolean {
  return Boolean(viewer && viewer.roles.some((r) => roles.includes(r)));
}
