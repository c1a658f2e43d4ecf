// Shared by "Mes messages", a thread's page and the header: the count of unread messages asked again
// (every screen showing it follows, like `refreshViewer`) and who wrote.
import { client } from "./client";
import { UnreadMessageCountDocument } from "./gql/graphql";

/** Ask the API again how many of the service's messages wait: the header's count follows. */
export async function refreshUnreadMessages(): Promise<void> {
  await client.query(UnreadMessageCountDocument, {}, { requestPolicy: "network-only" }).toPromise();
}

/** "1 message non lu", "3 messages non lus". */
export function unreadText(count: number): string {
  return count > 1 ? `${count} messages non lus` : `${count} message non lu`;
}

/** The API names the field of an input's error without the argument ("subject"); either way, this. */
export function inputField(field: string | null | undefined): string | null {
  return field?.startsWith("input.") ? field.slice("input.".length) : (field ?? null);
}

/** The formats a message may carry (what the file fields accept). */
export const ATTACHMENT_ACCEPT = "application/pdf,.pdf,image/jpeg,.jpg,.jpeg,image/png,.png";
export const MAX_ATTACHMENTS = 3;
