"""The webhook process: the Flask app gunicorn serves, and what it adds around the core (LINE I/O, dedupe, metrics)."""
