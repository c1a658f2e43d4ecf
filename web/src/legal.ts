// Where the pages the law requires live in the client: one path per page, which the footer links to.
import type { LegalPageKind } from "./gql/graphql";

export const LEGAL_PATHS: Record<LegalPageKind, string> = {
  LEGAL_NOTICE: "/mentions-legales",
  ACCESSIBILITY: "/accessibilite",
  PRIVACY: "/donnees-personnelles",
};

/** 64.52 → "64,52" (a rate as the French statement prints it). */
export function rateText(rate: number): string {
  return rate.toLocaleString("fr-FR", { maximumFractionDigits: 2 });
}
