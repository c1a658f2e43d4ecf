// Shared by "Historique", "Mon panier", the payment return page and "Mes factures": dates as the
// guide prints them (town time, Europe/Paris, whatever the browser's zone), the page PayFiP sends the
// payer back to, and the sign-in guard of a family's page.
import { watchEffect, type Ref } from "vue";
import { useQuery } from "@urql/vue";
import { useRouter } from "vue-router";

import { ViewerDocument } from "./gql/graphql";

export const UNREACHABLE = "Le portail ne répond pas. Réessayez dans un instant.";

const TOWN = "Europe/Paris";
const dayFormat = new Intl.DateTimeFormat("fr-FR", { timeZone: TOWN, day: "2-digit", month: "2-digit", year: "numeric" });
const timeFormat = new Intl.DateTimeFormat("fr-FR", { timeZone: TOWN, hour: "2-digit", minute: "2-digit" });

/** "20/12/2021" of a DateTime, in town time. */
export function day(at: string): string {
  return dayFormat.format(new Date(at));
}

/** "17:03" of a DateTime, in town time. */
export function time(at: string): string {
  return timeFormat.format(new Date(at));
}

/** "20/12/2021 à 17:03". */
export function dayAndTime(at: string): string {
  return `${day(at)} à ${time(at)}`;
}

/** "05/01/2027" of a Date ("2027-01-05"), no time zone involved. */
export function date(value: string): string {
  const [year, month, dayOfMonth] = value.split("-");
  return `${dayOfMonth}/${month}/${year}`;
}

/** "janvier 2027" of a month ("2027-01"). */
export function month(value: string): string {
  const [year = 0, monthNumber = 1] = value.split("-").map(Number);
  return new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(year, monthNumber - 1, 1)),
  );
}

/**
 * The client's page PayFiP sends the payer back to: on the page's own origin, which the API allows.
 * The API adds `payment=` (PayFiP's) or `invoice=` (a basket validated at once) to it; the payment
 * says what it paid, so a refused one leads back to the basket or the invoices.
 */
export function returnUrl(): string {
  return `${window.location.origin}/paiement/retour`;
}

/**
 * The page is a family's: anonymous visitors go to the sign-in page, back here afterwards.
 * Answers the viewer query (its `fetching`/`error`/`data`).
 */
export function useSignedIn(path: Ref<string> | (() => string)) {
  const router = useRouter();
  const result = useQuery({ query: ViewerDocument });
  watchEffect(() => {
    if (!result.fetching.value && !result.stale.value && result.data.value && !result.data.value.viewer) {
      const suite = typeof path === "function" ? path() : path.value;
      void router.replace({ path: "/connexion", query: { suite } });
    }
  });
  return result;
}
