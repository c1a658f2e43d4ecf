// The canteen's weeks, counted from the town's day (`town.today`), never from the device's clock.

/** "2026-12-03" → the Monday of its week, "2026-11-30". */
export function mondayOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  return addDays(day, -((date.getUTCDay() + 6) % 7));
}

/** "2026-11-30" + 7 → "2026-12-07". */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Whether the text is a day "YYYY-MM-DD". */
export function isDay(text: unknown): text is string {
  return typeof text === "string" && /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));
}

const longDay = new Intl.DateTimeFormat("fr-FR", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });
const longDate = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** "2026-11-30" → "Lundi 30 novembre". */
export function dayTitle(day: string): string {
  const text = longDay.format(new Date(`${day}T00:00:00Z`));
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "2026-11-30" → "30 novembre 2026". */
export function longDayText(day: string): string {
  return longDate.format(new Date(`${day}T00:00:00Z`));
}

/** The week of Monday ``monday``: "Semaine du 30 novembre au 4 décembre 2026" (Monday to Friday). */
export function weekTitle(monday: string): string {
  const friday = addDays(monday, 4);
  const start = longDay.format(new Date(`${monday}T00:00:00Z`)).replace(/^\S+ /, "");
  return `Semaine du ${start} au ${longDayText(friday)}`;
}
