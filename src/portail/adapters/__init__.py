"""The outside world: mail delivery (and later payment, file storage, PDF)."""
