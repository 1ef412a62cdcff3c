"""The SQL store (sqlmodel): compiled knowledge, the query log, per-chat preferences."""
