FROM python:3.12-slim
COPY --from=ghcr.io/astral-sh/uv:0.7.3 /uv /bin/uv
WORKDIR /app
COPY pyproject.toml uv.lock ./
RUN uv sync --locked --no-dev --no-install-project
COPY . .
CMD ["uv", "run", "app.py"]
