# The bot as a container: a wheel built in one stage, installed into a slim image, run as a non-root user.
# The wheel carries the shipped brief, seeds and default config; mount your own and point BRIEFBOT_BRIEF,
# BRIEFBOT_SEEDS_DIR or BRIEFBOT_CONFIG at them to serve another brief.
FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml ./
COPY bot ./bot
COPY briefs ./briefs
COPY seeds ./seeds
COPY config ./config
# The bot's wheel and every dependency's, so the final stage installs without building anything.
RUN pip wheel --no-cache-dir --wheel-dir /wheels .

FROM python:3.11-slim
ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir --no-index --find-links /wheels briefbot \
    && rm -rf /wheels \
    && useradd --create-home --uid 10001 briefbot
USER briefbot
# The working directory holds the default SQLite file (data/briefbot.db): mount a volume here, or set
# BRIEFBOT_DATABASE_URL to PostgreSQL (compose.yaml does), or subscriptions die with the container.
WORKDIR /home/briefbot
# 8443: the Telegram webhook listener (PORT), only in webhook mode; 9100: /healthz and /metrics when
# BRIEFBOT_HTTP_PORT=9100.
EXPOSE 8443 9100
CMD ["python", "-m", "bot", "run"]
