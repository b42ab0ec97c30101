# GraphiQL's browser files, exactly as gateway/graphiql/package-lock.json pins them: npm
# checks each package against the integrity hash the registry published.
FROM node:20-bookworm-slim AS graphiql
WORKDIR /graphiql
COPY gateway/graphiql/package.json gateway/graphiql/package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund

FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
# Every dependency pinned, each checked against its hash; then the gateway on top of them.
COPY requirements.lock ./
RUN pip install --require-hashes -r requirements.lock
COPY pyproject.toml README.md ./
COPY gateway ./gateway
COPY stripe_emulator ./stripe_emulator
COPY --from=graphiql /graphiql/node_modules ./gateway/graphiql/node_modules
RUN pip install --no-deps --no-build-isolation . \
    && useradd --system --uid 10001 --no-create-home gateway

USER 10001
# Production by default: without STRIPE_API_KEY the image refuses to start rather than serve
# demo data (set GATEWAY_ENV=development to try it on the embedded emulator).
ENV HOST=0.0.0.0 \
    PORT=8000 \
    GATEWAY_ENV=production \
    LOG_FORMAT=json
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('PORT', '8000'), timeout=2)"]

CMD ["checkout-gateway", "serve"]
