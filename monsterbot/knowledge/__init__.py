"""Knowledge: reading monster records, checking them, and serving a consistent snapshot."""
