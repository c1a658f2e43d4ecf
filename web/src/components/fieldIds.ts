// The ids a form field hangs its hint and the API's messages on, and the `aria-describedby` naming
// them (RGAA: a field's help and errors are announced with it). One place for every kind of field.
import { computed, useId, type ComputedRef } from "vue";

export function useFieldIds(props: { hint: string; errors: string[] }): {
  id: string;
  described: ComputedRef<string | undefined>;
} {
  const id = useId();
  const described = computed(
    () =>
      [props.hint ? `${id}-hint` : "", props.errors.length ? `${id}-errors` : ""].filter(Boolean).join(" ") ||
      undefined,
  );
  return { id, described };
}
