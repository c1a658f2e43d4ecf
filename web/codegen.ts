// Types for every operation of src/operations/*.graphql, from the API's checked-in schema: an
// operation that no longer matches the schema fails `npm run check` (and the build).
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "../schema.graphql",
  documents: ["src/operations/**/*.graphql"],
  ignoreNoDocuments: false,
  generates: {
    "src/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { Date: "string", DateTime: "string", Time: "string", Upload: "File", JSON: "unknown" },
      },
    },
  },
};

export default config;
