import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { GoverningDocument } from '../program/entities.js';
import { Condition, DocumentDiff, GoverningDocumentVersion } from './entities.js';
import { AdoptGoverningDocumentVersionInput } from './inputs.js';
import { conditionLoaders, conditionsService } from './service.js';

/** Governing documents, their versions and the differences between them are public: readable without login. */
@Resolver()
export class ConditionsQueries {
  @Query(() => GoverningDocument, { nullable: true, description: 'One governing document; NOT_FOUND when there is none with this id.' })
  governingDocument(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<GoverningDocument> {
    return conditionsService.document(ctx, id);
  }

  @Query(() => DocumentDiff, { description: 'Two versions of a governing document compared condition by condition, with word-level differences.' })
  governingDocumentDiff(
    @Ctx() ctx: Context,
    @Arg('documentId', () => ID) documentId: string,
    @Arg('fromVersion', () => Int) fromVersion: number,
    @Arg('toVersion', () => Int) toVersion: number,
  ): Promise<DocumentDiff> {
    return conditionsService.diff(ctx, documentId, fromVersion, toVersion);
  }

  @Mutation(() => GoverningDocumentVersion, {
    description: 'ADMIN: records a new decided version (the whole list of conditions). CONFLICT when expectedVersion is no longer the latest.',
  })
  adoptGoverningDocumentVersion(
    @Ctx() ctx: Context,
    @Arg('input', () => AdoptGoverningDocumentVersionInput) input: AdoptGoverningDocumentVersionInput,
  ): Promise<GoverningDocumentVersion> {
    return conditionsService.adopt(ctx, input);
  }
}

@Resolver(() => GoverningDocument)
export class GoverningDocumentVersionFields {
  @FieldResolver(() => [GoverningDocumentVersion], { description: 'Every decided version, oldest first.' })
  versions(@Root() doc: GoverningDocument, @Ctx() ctx: Context): Promise<GoverningDocumentVersion[]> {
    return conditionLoaders(ctx).versionsByDocument.load(doc.id);
  }

  @FieldResolver(() => GoverningDocumentVersion, { nullable: true, description: 'The latest version: the conditions in force.' })
  async currentVersion(@Root() doc: GoverningDocument, @Ctx() ctx: Context): Promise<GoverningDocumentVersion | null> {
    const versions = await conditionLoaders(ctx).versionsByDocument.load(doc.id);
    return versions[versions.length - 1] ?? null;
  }
}

@Resolver(() => GoverningDocumentVersion)
export class VersionFields {
  @FieldResolver(() => [Condition], { description: 'In the order of the document.' })
  conditions(@Root() version: GoverningDocumentVersion, @Ctx() ctx: Context): Promise<Condition[]> {
    return conditionLoaders(ctx).conditionsByVersion.load(version.id);
  }
}
