import type { CodegenConfig } from '@graphql-codegen/cli';

// The schema is the Go backend's: the generated ent.graphql plus the
// hand-written extensions beside it. CODEGEN_OUT lets `codegen:check`
// generate into a scratch folder and compare with the committed output.
const out = process.env.CODEGEN_OUT ?? 'src/gql/';

const config: CodegenConfig = {
  schema: ['../graph/*.graphql'],
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*', '!src/**/*.test.{ts,tsx}', '!src/test/**/*'],
  ignoreNoDocuments: true,
  generates: {
    [out]: {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        // Only what our documents use, so unrelated schema growth does not churn src/gql.
        onlyOperationTypes: true,
        enumsAsTypes: true,
        scalars: {
          Time: 'string',
          Cursor: 'string',
          Map: 'Record<string, unknown>',
        },
      },
    },
  },
};

export default config;
