// The legend's icons: each accompanies the state's words (from `bookingLegend`), never alone.
import type { BookingState } from "../../gql/graphql";

export const STATE_ICONS: Record<BookingState, string> = {
  PENDING: "⏳",
  ACCEPTED: "✓",
  CANCELLATION_REQUESTED: "↺",
  CANCELLED: "✕",
  REFUSED: "⊘",
  EXPIRED: "⌛",
  WAITING: "…",
};
