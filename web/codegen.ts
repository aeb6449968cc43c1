import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for the SPA from the committed schema. src/gql is generated (gitignored) and
 * rebuilt by `pnpm run build`; components write their fragments and queries with `graphql()`.
 */
const config: CodegenConfig = {
  schema: '../packages/schema/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        scalars: { DateTime: 'string', LocalDate: 'string', JSON: 'unknown', SafeInt: 'number' },
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: false,
        nonOptionalTypename: false,
        avoidOptionals: false,
      },
    },
  },
  silent: false,
};

export default config;
