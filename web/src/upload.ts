// File uploads: urql's fetch exchange sends JSON only, so a mutation with a file goes as a GraphQL
// multipart request (https://github.com/jaydenseric/graphql-multipart-request-spec): the operation
// with `file: null`, a map naming where the file goes, then the file. The API asks a multipart post
// for the header X-Portail-CSRF and an allowed Origin (the browser sends the page's own).
import { stringifyDocument } from "@urql/core";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";

import type { UserError } from "./errors";
import { sizeText } from "./format";

export const NO_ANSWER = "Le portail ne répond pas. Réessayez dans un instant.";

export type UploadOutcome<TData> =
  | { data: TData }
  /** Nothing the family can fix in the form's fields (network, outage): said at the top of the form. */
  | { failure: string }
  /** The server refused the request before reading it (too large): said beside the file field. */
  | { fileErrors: UserError[] };

/** Send `document` with `variables.file` as the uploaded file; the typed `data`, or why not. */
export async function mutateWithFile<TData, TVariables extends { file: File }>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
): Promise<UploadOutcome<TData>> {
  return mutateWithFiles(document, variables, [{ path: "file", file: variables.file }]);
}

/**
 * Send `document` with several files, each at its variable path ("input.attachments.0",
 * "attachments.1"…; the operation carries `null` there). A request the server refuses as too large is
 * said on the field `fileField` ("file", "attachments").
 */
export async function mutateWithFiles<TData, TVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  files: readonly { path: string; file: File }[],
  fileField = "file",
): Promise<UploadOutcome<TData>> {
  const form = new FormData();
  form.append("operations", JSON.stringify({ query: stringifyDocument(document), variables: withoutFiles(variables, files) }));
  form.append("map", JSON.stringify(Object.fromEntries(files.map((f, i) => [i, [`variables.${f.path}`]]))));
  files.forEach((f, i) => form.append(String(i), f.file, f.file.name));
  let response: Response;
  try {
    response = await fetch("/graphql", {
      method: "POST",
      body: form, // the browser writes the multipart Content-Type with its boundary
      credentials: "same-origin",
      headers: { "X-Portail-CSRF": "1", Accept: "application/json" },
    });
  } catch {
    return { failure: NO_ANSWER };
  }
  if (response.status === 413) {
    const body = (await response.json().catch(() => null)) as { errors?: { extensions?: { maxBytes?: number } }[] } | null;
    const max = body?.errors?.[0]?.extensions?.maxBytes;
    return {
      fileErrors: [
        {
          field: fileField,
          code: "FILE_TOO_LARGE",
          message: max
            ? `Le fichier dépasse la taille maximale autorisée (${sizeText(max)}).`
            : "Le fichier dépasse la taille maximale autorisée.",
        },
      ],
    };
  }
  const body = (await response.json().catch(() => null)) as { data?: TData | null; errors?: unknown[] } | null;
  if (!response.ok || !body?.data || body.errors?.length) return { failure: NO_ANSWER };
  return { data: body.data };
}

/** A copy of `variables` with `null` at each file's path (the multipart request's operation). */
function withoutFiles(variables: unknown, files: readonly { path: string }[]): unknown {
  const copy = JSON.parse(JSON.stringify(variables ?? {})) as Record<string, unknown>;
  for (const { path } of files) {
    const keys = path.split(".");
    let at: Record<string, unknown> = copy;
    for (const key of keys.slice(0, -1)) at = (at[key] ??= {}) as Record<string, unknown>;
    at[keys[keys.length - 1] as string] = null;
  }
  return copy;
}
