// Dates and sizes in French, as the screens write them.
const dayFormat = new Intl.DateTimeFormat("fr-FR", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Europe/Paris" });

/** "2026-09-01" (a Date of the API, the town's day) → "01/09/2026". */
export function dayText(day: string): string {
  const [year, month, date] = day.split("-");
  return `${date}/${month}/${year}`;
}

/** A DateTime of the API → the town's day, "01/09/2026". */
export function momentDay(moment: string): string {
  return dayFormat.format(new Date(moment));
}

/** 1536 → "2 Ko", 10485760 → "10 Mo". */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) {
    const mega = bytes / (1024 * 1024);
    return Number.isInteger(mega) ? `${mega} Mo` : `${mega.toFixed(1).replace(".", ",")} Mo`;
  }
  return `${Math.max(1, Math.round(bytes / 1024))} Ko`;
}

/** ["PDF", "JPEG", "PNG"] → "PDF, JPEG ou PNG". */
export function orList(words: readonly string[]): string {
  return words.length < 2 ? words.join("") : `${words.slice(0, -1).join(", ")} ou ${words[words.length - 1]}`;
}

/** ["lundis", "mardis"] → "lundis et mardis". */
export function andList(words: readonly string[]): string {
  return words.length < 2 ? words.join("") : `${words.slice(0, -1).join(", ")} et ${words[words.length - 1]}`;
}

const longMomentFormat = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" });

/** A DateTime of the API → the town's day in words, "11 novembre 2026". */
export function momentLongDay(moment: string): string {
  return longMomentFormat.format(new Date(moment));
}

/** "Se connecter à son compte famille" → "se-connecter-a-son-compte-famille" (an anchor). */
export function slug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "") || "section";
}

/** One anchor per title, in order ("mes-factures", "mes-factures-2" when two share a title). */
export function anchors(titles: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return titles.map((title) => {
    const base = slug(title);
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  });
}

const timeFormat = new Intl.DateTimeFormat("fr-FR", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Paris" });

/** A DateTime of the API → the town's time of day, "08:00". */
export function momentTime(moment: string): string {
  return timeFormat.format(new Date(moment));
}
