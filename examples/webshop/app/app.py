"""A tiny shop front used by the shipshape demo."""
import os

from flask import Flask

app = Flask(__name__)


@app.get("/health")
def health():
    return {"status": "ok", "db": bool(os.environ.get("DATABASE_URL"))}
