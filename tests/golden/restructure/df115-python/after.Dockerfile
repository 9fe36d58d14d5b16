FROM python:3.12-bookworm AS build
ENV VIRTUAL_ENV=/opt/venv PATH=/opt/venv/bin:$PATH
RUN python -m venv /opt/venv
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends build-essential python3-dev \
    && rm -rf /var/lib/apt/lists/*
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
RUN useradd --no-log-init -m app
USER app

FROM python:3.12-slim-bookworm
ENV VIRTUAL_ENV=/opt/venv PATH=/opt/venv/bin:$PATH
RUN useradd --no-log-init -m app
WORKDIR /app
COPY --from=build /opt/venv /opt/venv
COPY --from=build /app /app
USER app
EXPOSE 8000
CMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]
