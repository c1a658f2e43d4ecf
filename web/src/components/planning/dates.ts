// Days as the API writes them ("2026-12-02", the town's local dates): no time zone arithmetic, the
// calendar only counts days.
import type { Weekday } from "../../gql/graphql";

export const WEEKDAYS: { value: Weekday; label: string; short: string }[] = [
  { value: "MONDAY", label: "Lundi", short: "Lun" },
  { value: "TUESDAY", label: "Mardi", short: "Mar" },
  { value: "WEDNESDAY", label: "Mercredi", short: "Mer" },
  { value: "THURSDAY", label: "Jeudi", short: "Jeu" },
  { value: "FRIDAY", label: "Vendredi", short: "Ven" },
  { value: "SATURDAY", label: "Samedi", short: "Sam" },
  { value: "SUNDAY", label: "Dimanche", short: "Dim" },
];

const MONTHS = [
  "janvier", "février", "mars", "avril", "mai", "juin",
  "juillet", "août", "septembre", "octobre", "novembre", "décembre",
];

/** [year, month (1-12), day] of "2026-12-02" or "2026-12". */
function split(iso: string): [number, number, number] {
  const [y = 1970, m = 1, d = 1] = iso.split("-").map(Number);
  return [y, m, d];
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** "2026-12" of a Date's local day. */
export function monthOf(day: Date): string {
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}`;
}

export function isMonth(value: unknown): value is string {
  return typeof value === "string" && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

/** The first and last day of a month "2026-12". */
export function monthBounds(month: string): { from: string; to: string } {
  const [y, m] = split(month);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${pad(last)}` };
}

export function addMonths(month: string, delta: number): string {
  const [y, m] = split(month);
  const d = new Date(Date.UTC(y, m - 1 + delta, 1));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
}

/** "Décembre 2026". */
export function monthTitle(month: string): string {
  const [y, m] = split(month);
  const name = MONTHS[m - 1] ?? "";
  return `${name.charAt(0).toUpperCase()}${name.slice(1)} ${y}`;
}

/** 0 for Monday … 6 for Sunday. */
export function weekdayIndex(iso: string): number {
  const [y, m, d] = split(iso);
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

function weekday(iso: string): { value: Weekday; label: string } {
  return WEEKDAYS[weekdayIndex(iso)] ?? { value: "MONDAY", label: "Lundi" };
}

export function weekdayOf(iso: string): Weekday {
  return weekday(iso).value;
}

/** "mercredi 2 décembre 2026". */
export function longDate(iso: string): string {
  const [y, m, d] = split(iso);
  return `${weekday(iso).label.toLowerCase()} ${d === 1 ? "1er" : d} ${MONTHS[m - 1] ?? ""} ${y}`;
}

/** "02/12/2026". */
export function shortDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

/** A deadline (an instant) in the town's words: "mardi 1er décembre 2026 à 10h00". */
export function deadline(instant: string): string {
  const at = new Date(instant);
  const parts = new Intl.DateTimeFormat("fr-FR", {
    timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${longDate(`${get("year")}-${get("month")}-${get("day")}`)} à ${get("hour")}h${get("minute")}`;
}

/** Arrival and departure of a unit counted in hours ("16:30"), by unit id. */
export type Times = Record<string, { arrival: string; departure: string }>;

/** How many items of a unit counted in quantities (take-away meals, tickets), by unit id. */
export type Quantities = Record<string, number>;
