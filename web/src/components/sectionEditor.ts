// What editing a records section does, whatever its form (a section's fields, or a list of items):
// "Crayon" opens the form and focuses its first input, "Annuler" and a save close it and give the
// focus back to "Crayon", the API's field errors show beside their inputs, a portal that does not
// answer is said at the top, and a section the page was opened for (`?rubrique=`) opens at once.
import { nextTick, onMounted, ref } from "vue";

import { fieldErrors, type FieldErrors, type UserError } from "../errors";
import { NETWORK_FAILURE } from "../records";

/** What saving a section answers: the API's errors, and the fields left for the town to check. */
export interface SaveResult {
  errors: readonly UserError[];
  pendingFields: readonly string[];
}

export function useSectionEditor<Payload>(options: {
  slug: () => string;
  /** The page was opened for this section: scroll to it and open its form (when it can be edited). */
  open: () => boolean;
  canEdit: () => boolean;
  /** Fills the form from what is shown. */
  fill: () => void;
  /** What the form says, for `save`. */
  collect: () => Payload;
  save: (payload: Payload) => Promise<SaveResult | null>;
  /** The words of a save that went through. */
  saved: (result: SaveResult) => string;
}) {
  const editing = ref(false);
  const errors = ref<FieldErrors>(fieldErrors([]));
  const failure = ref("");
  const success = ref("");
  const saving = ref(false);
  const formElement = ref<HTMLFormElement | null>(null);

  async function edit(): Promise<void> {
    options.fill();
    errors.value = fieldErrors([]);
    failure.value = "";
    success.value = "";
    editing.value = true;
    await nextTick();
    formElement.value?.querySelector<HTMLElement>("input, select, textarea")?.focus();
  }

  async function close(): Promise<void> {
    editing.value = false;
    await nextTick();
    document.getElementById(`modifier-${options.slug()}`)?.focus();
  }

  async function submit(): Promise<void> {
    failure.value = "";
    saving.value = true;
    const result = await options.save(options.collect()).finally(() => (saving.value = false));
    if (result === null) {
      failure.value = NETWORK_FAILURE;
      return;
    }
    errors.value = fieldErrors(result.errors);
    if (result.errors.length) return;
    success.value = options.saved(result);
    await close();
  }

  onMounted(() => {
    if (!options.open()) return;
    document.getElementById(`rubrique-${options.slug()}`)?.scrollIntoView();
    if (options.canEdit()) void edit();
  });

  return { editing, errors, failure, success, saving, formElement, edit, close, submit };
}
