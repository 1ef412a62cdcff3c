"""The baseline of the webhook benchmark: a hello-world Flask app under the same gunicorn config."""

from flask import Flask

app = Flask("hello")


@app.post("/callback")
def callback() -> tuple[str, int]:
    return "OK", 200


@app.get("/readyz")
def readyz() -> tuple[str, int]:
    return "ok", 200
