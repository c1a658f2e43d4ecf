"""The town's own questions on the records: staff define them, families answer them."""
