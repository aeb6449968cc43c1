import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Whether the operation selects the field at `path` below the field being resolved, through any
 * fragments and aliases: `selects(info, 'edges', 'node', 'round')` in `reports` is true when some
 * selection asks for `reports { edges { node { round … } } }`.
 *
 * Used to load related rows in the statement that loads the parent only when someone reads them.
 * Directives (@include/@skip) are not evaluated: a conditionally selected field counts as selected,
 * which costs a join at most, never a missing answer.
 */
export function selects(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, ...path: string[]): boolean {
  let level: readonly FieldNode[] = info.fieldNodes;
  for (const name of path) {
    const next: FieldNode[] = [];
    for (const node of level) if (node.selectionSet) collect(node.selectionSet, name, info.fragments, next, new Set());
    if (!next.length) return false;
    level = next;
  }
  return true;
}

function collect(
  set: SelectionSetNode,
  name: string,
  fragments: GraphQLResolveInfo['fragments'],
  into: FieldNode[],
  seen: Set<string>,
): void {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value === name) into.push(selection);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      collect(selection.selectionSet, name, fragments, into, seen);
    } else {
      const fragmentName = selection.name.value;
      const fragment = fragments[fragmentName];
      if (!fragment || seen.has(fragmentName)) continue;
      seen.add(fragmentName);
      collect(fragment.selectionSet, name, fragments, into, seen);
    }
  }
}
