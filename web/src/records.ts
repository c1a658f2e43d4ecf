// The records ("Mon foyer", "Mes enfants") as the API describes them: each field's rule
// (`recordFields`: label, kind, hidden / read-only / required, checked by staff) turns into a form
// input and back into the update's input; each section has an anchor the home page links to.
import type { RecordFieldRuleFragment, SectionStatusFieldsFragment } from "./gql/graphql";

export type FieldRule = RecordFieldRuleFragment;
export type SectionStatus = SectionStatusFieldsFragment;
export type FormValue = string | boolean;
export type Values = Record<string, unknown>;

/** The section's anchor and `?rubrique=` value, in the screens' words. */
export const SECTION_SLUGS: Record<string, string> = {
  ME: "moi",
  OTHER_GUARDIAN: "autre-responsable",
  ADDRESS: "adresse",
  COMPLEMENTARY: "informations-complementaires",
  HOUSEHOLD_CONSENTS: "consentements",
  CONFIRMATION: "confirmation",
  IDENTITY: "identite",
  SCHOOLING: "scolarite",
  MEALS: "restauration",
  HEALTH: "sante",
  VACCINATIONS: "vaccinations",
  AUTHORIZED_PERSONS: "personnes-autorisees",
  AUTHORISATIONS: "autorisations",
};

/** Where an "À compléter" item of the home page is completed. */
export function toCompleteLink(item: { section: string; childId?: string | null }): string {
  const rubrique = SECTION_SLUGS[item.section] ?? "";
  const page = item.childId ? `/mes-enfants/${encodeURIComponent(item.childId)}` : "/mon-foyer";
  return `${page}?rubrique=${rubrique}`;
}

/** The fields a family sees in a section, in the API's order (hidden ones left out). */
export function shownFields(rules: readonly FieldRule[] | undefined, section: string): FieldRule[] {
  return (rules ?? []).filter((r) => r.section === section && r.mode !== "HIDDEN");
}

export function editable(rule: FieldRule): boolean {
  return rule.mode === "EDITABLE" || rule.mode === "REQUIRED";
}

export function toForm(rule: FieldRule, raw: unknown): FormValue {
  if (rule.kind === "YES_NO") return Boolean(raw);
  return raw === null || raw === undefined ? "" : String(raw);
}

/** What the update takes: dates and choices left empty are null, numbers are numbers. */
export function toInput(rule: FieldRule, value: FormValue): unknown {
  if (rule.kind === "YES_NO") return Boolean(value);
  const text = String(value).trim();
  if (rule.kind === "NUMBER") return text === "" ? null : Number.isInteger(Number(text)) ? Number(text) : text;
  if (rule.kind === "DATE" || (rule.kind === "CHOICE" && rule.entity === "CHILD")) return text === "" ? null : text;
  return text;
}

export function formatDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split("-");
  return y && m && d ? `${d}/${m}/${y}` : iso;
}

/** A value as the read view shows it. */
export function display(rule: FieldRule, raw: unknown): string {
  if (rule.kind === "YES_NO") return raw ? "Oui" : "Non";
  if (raw === null || raw === undefined || raw === "") return "Non renseigné";
  if (rule.kind === "CHOICE") return rule.choices.find((c) => c.value === raw)?.label ?? String(raw);
  if (rule.kind === "DATE") return formatDate(String(raw));
  if (rule.kind === "NUMBER" && rule.field === "familyQuotient") return `${String(raw)} €`;
  return String(raw);
}

/** A pending change's value (JSON text) as the read view shows it. */
export function displayPending(rule: FieldRule, json: string): string {
  try {
    return display(rule, JSON.parse(json));
  } catch {
    return json;
  }
}

export const STATE_LABELS: Record<string, string> = {
  COMPLETE: "Complet",
  TO_COMPLETE: "À compléter",
  AWAITING_REVIEW: "En attente de validation",
};

export const NETWORK_FAILURE = "Le portail ne répond pas. Réessayez dans un instant.";
