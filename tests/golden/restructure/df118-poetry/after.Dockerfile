FROM python:3.12-slim
RUN pip install --no-cache-dir poetry==2.1.3
WORKDIR /app
COPY pyproject.toml poetry.lock ./
RUN poetry install --only main --no-root
COPY . .
CMD ["python", "-m", "app"]
