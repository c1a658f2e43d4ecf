"""Mail: templates rendered into the outbox, and a worker that delivers it."""
