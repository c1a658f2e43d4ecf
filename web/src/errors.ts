// The API answers what the family can fix as data: `errors { field code message }`, the field named
// by its GraphQL name ("password", "changes.0.date"). Each screen shows a message beside its field.
export interface UserError {
  field?: string | null;
  code: string;
  message: string;
}

export interface FieldErrors {
  /** Messages by field name; "" for the input as a whole. */
  byField: Record<string, string[]>;
}

export function fieldErrors(errors: readonly UserError[] | null | undefined): FieldErrors {
  const byField: Record<string, string[]> = {};
  for (const error of errors ?? []) {
    const key = error.field ?? "";
    (byField[key] ??= []).push(error.message);
  }
  return { byField };
}

/** The messages for ``field``, or those that name no field we show (so none is lost). */
export function messagesFor(errors: FieldErrors, field: string, shown: readonly string[] = []): string[] {
  if (field !== "") return errors.byField[field] ?? [];
  return Object.entries(errors.byField)
    .filter(([name]) => name === "" || !shown.includes(name))
    .flatMap(([, messages]) => messages);
}
