#!/bin/sh
set -x
echo "starting with $DATABASE_URL"
gunicorn --bind 0.0.0.0:8000 app:app
