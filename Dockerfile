# The portal's image: gunicorn behind a reverse proxy (compose.yaml), as a user without rights.
# Build stage: the dependencies into a virtualenv, then the static files, collected once here.
FROM python:3.11-slim-bookworm AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PATH=/venv/bin:$PATH
RUN python -m venv /venv
WORKDIR /app
# The project has no packages of its own to install: pyproject.toml names the dependencies,
# which change less often than the code (a layer of their own).
COPY pyproject.toml README.md ./
RUN pip install ".[sentry]"
COPY . .
# collectstatic needs settings, not a database or a real key: these values live only here.
RUN SECRET_KEY=build-only DATABASE_URL=postgres://build@localhost/build \
    python manage.py collectstatic --no-input -v 0

# Run stage: the virtualenv and the code with the collected files, owned by root and only
# readable by the portal's user; it writes uploads and backups only.
FROM python:3.11-slim-bookworm
ENV PATH=/venv/bin:$PATH PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1 \
    MEDIA_ROOT=/app/var/media BACKUP_DIR=/app/var/backups
RUN useradd --system --uid 10001 --user-group --home-dir /app --shell /usr/sbin/nologin portal
COPY --from=build /venv /venv
COPY --from=build /app /app
RUN mkdir -p /app/var/media /app/var/backups \
    && chown portal:portal /app/var/media /app/var/backups
WORKDIR /app
USER portal
EXPOSE 8000
# Liveness (/healthz): an outage of the database must not get every replica restarted; load
# balancers ask /readyz.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s \
    CMD ["python", "-c", "import urllib.request as u; u.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]
CMD ["deploy/start"]
