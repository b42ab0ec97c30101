"""Reading the settings from environment variables, once, with a clear message for bad values."""

from __future__ import annotations

import math
import os
import re
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TypeVar

from gateway.config.files import FileError, read_api_keys, read_trusted_documents
from gateway.config.settings import (
    DEFAULT_API_BASE,
    DEFAULT_API_VERSION,
    ENGINES,
    AuthSettings,
    CacheSettings,
    CorsSettings,
    JwtSettings,
    LimitSettings,
    ObservabilitySettings,
    Settings,
    StripeSettings,
    TracingSettings,
)
from gateway.identity import ALL_SCOPES, Scope

T = TypeVar("T")

# Traces recorded when no sampler is chosen: every trace a caller's `traceparent` marks as
# sampled, and one in twenty of the rest. Recording every request costs up to two thirds more CPU
# per request here (benchmarks/README.md); one in twenty keeps tracing within a few percent.
DEFAULT_SAMPLE_RATIO = 0.05

# Stripe's own limits per account: 100 requests a second in live mode, 25 in test mode.
LIVE_RATE_LIMIT = 100.0
TEST_RATE_LIMIT = 25.0
_ORIGIN = re.compile(r"https?://[^/\s?#]+")


class ConfigError(ValueError):
    """A setting has a value the gateway cannot use; the message names the variable."""


def _read(
    env: Mapping[str, str], name: str, parse: Callable[[str], T], default: T, expected: str
) -> T:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        return parse(raw)
    except ValueError:
        raise ConfigError(f"{name} must be {expected}, got {raw!r}.") from None


def _file(env: Mapping[str, str], name: str, read: Callable[[str], T]) -> T | None:
    path = env.get(name, "").strip()
    if not path:
        return None
    try:
        return read(path)
    except FileError as exc:
        raise ConfigError(f"{name}: {exc}.") from None


def _positive_float(raw: str) -> float:
    value = float(raw)
    if not 0 < value < float("inf"):
        raise ValueError(raw)
    return value


def _non_negative_int(raw: str) -> int:
    value = int(raw)
    if value < 0:
        raise ValueError(raw)
    return value


def _positive_int(raw: str) -> int:
    value = int(raw)
    if value < 1:
        raise ValueError(raw)
    return value


def _port(raw: str) -> int:
    value = int(raw)
    if not 0 <= value <= 65535:
        raise ValueError(raw)
    return value


def _listening_port(raw: str) -> int:
    value = int(raw)
    if not 1 <= value <= 65535:
        raise ValueError(raw)
    return value


def _url(raw: str) -> str:
    if not raw.startswith(("http://", "https://")):
        raise ValueError(raw)
    return raw.rstrip("/")


def _cache_url(raw: str) -> str:
    if raw != "off" and not raw.startswith(("memory://", "redis://", "rediss://")):
        raise ValueError(raw)
    return raw


def _seconds(raw: str) -> float:
    value = float(raw)
    if not 0 <= value < float("inf"):
        raise ValueError(raw)
    return value


def _log_level(raw: str) -> str:
    level = raw.lower()
    if level not in {"critical", "error", "warning", "info", "debug"}:
        raise ValueError(raw)
    return level


def _switch(raw: str) -> bool:
    value = raw.lower()
    if value in {"on", "true", "1", "yes"}:
        return True
    if value in {"off", "false", "0", "no"}:
        return False
    raise ValueError(raw)


def _optional(parse: Callable[[str], T]) -> Callable[[str], T | None]:
    """`parse`, or None for the word `off`."""

    def read(raw: str) -> T | None:
        return None if raw.lower() == "off" else parse(raw)

    return read


def _scopes(raw: str) -> frozenset[Scope]:
    if raw.lower() == "none":
        return frozenset()
    names = [name for name in re.split(r"[\s,]+", raw) if name]
    known = {scope.value: scope for scope in Scope}
    if not names or any(name not in known for name in names):
        raise ValueError(raw)
    return frozenset(known[name] for name in names)


def _origins(raw: str) -> tuple[str, ...]:
    origins = tuple(origin.strip().rstrip("/") for origin in raw.split(",") if origin.strip())
    if origins == ("*",):
        return origins
    if not origins or not all(_ORIGIN.fullmatch(origin) for origin in origins):
        raise ValueError(raw)
    return origins


def _environment(raw: str) -> bool:
    """True for production."""
    value = raw.lower()
    if value not in {"production", "development"}:
        raise ValueError(raw)
    return value == "production"


def _workers(raw: str) -> int:
    if raw.lower() == "auto":
        return cpu_count()
    return _positive_int(raw)


def cpu_count() -> int:
    """The CPUs this process may use: those it may run on, fewer under a cgroup CPU quota
    (a container's `--cpus`), at least one."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    try:
        quota, period = Path("/sys/fs/cgroup/cpu.max").read_text().split()[:2]
        if quota != "max":
            cpus = min(cpus or 1, math.ceil(int(quota) / int(period)))
    except (OSError, ValueError):
        pass
    return max(cpus or 1, 1)


def _log_format(raw: str) -> str:
    value = raw.lower()
    if value not in {"text", "json"}:
        raise ValueError(raw)
    return value


def _engine(raw: str) -> str:
    value = raw.lower()
    if value not in ENGINES:
        raise ValueError(raw)
    return value


def default_rate_limit(api_key: str) -> float | None:
    """Stripe's per-account limit for the mode the key belongs to; none for the emulator."""
    if not api_key:
        return None
    return LIVE_RATE_LIMIT if api_key.startswith(("sk_live_", "rk_live_")) else TEST_RATE_LIMIT


def load_settings(
    env: Mapping[str, str] | None = None, *, terminal: bool | None = None
) -> Settings:
    """Read the settings from `env` (the process environment by default).

    `terminal` says whether logs go to a terminal (by default, whether standard error is
    one), which makes text, not JSON, their default format.
    """
    source = os.environ if env is None else env
    api_key = source.get("STRIPE_API_KEY", "").strip()
    production = _read(source, "GATEWAY_ENV", _environment, False, "production or development")
    if production and not api_key:
        raise ConfigError(
            "GATEWAY_ENV=production needs STRIPE_API_KEY: without one the gateway would serve "
            "the embedded emulator's demo data."
        )
    stripe = StripeSettings(
        api_key=api_key,
        api_base=_read(source, "STRIPE_API_BASE", _url, DEFAULT_API_BASE, "an http(s) URL"),
        api_version=_read(
            source, "STRIPE_API_VERSION", str, DEFAULT_API_VERSION, "a Stripe API version"
        ),
        account=source.get("STRIPE_ACCOUNT", "").strip() or None,
        webhook_secret=source.get("STRIPE_WEBHOOK_SECRET", "").strip() or None,
        timeout=_read(source, "STRIPE_TIMEOUT", _positive_float, 30.0, "a positive number"),
        max_retries=_read(
            source, "STRIPE_MAX_RETRIES", _non_negative_int, 2, "a whole number, 0 or more"
        ),
        max_concurrency=_read(
            source, "STRIPE_MAX_CONCURRENCY", _positive_int, 32, "a whole number, 1 or more"
        ),
        rate_limit=_read(
            source,
            "STRIPE_RATE_LIMIT",
            _optional(_positive_float),
            default_rate_limit(api_key),
            "a number of calls per second, or off",
        ),
    )
    cache = _cache(source)
    if terminal is None:
        terminal = sys.stderr.isatty()
    settings = Settings(
        stripe=stripe,
        cache=cache,
        auth=_auth(source, demo=not api_key),
        cors=_cors(source),
        limits=_limits(source),
        host=source.get("HOST", "").strip() or "127.0.0.1",
        port=_read(source, "PORT", _port, 8000, "a port number from 0 to 65535"),
        emulator_port=_read(
            source, "EMULATOR_PORT", _listening_port, 12111, "a port number from 1 to 65535"
        ),
        workers=_read(source, "WORKERS", _workers, 1, "a whole number, 1 or more, or auto"),
        engine=_read(source, "GRAPHQL_ENGINE", _engine, "plans", ", ".join(ENGINES)),
        production=production,
        observability=ObservabilitySettings(
            log_level=_read(
                source, "LOG_LEVEL", _log_level, "info", "debug, info, warning or error"
            ),
            log_format=_read(
                source, "LOG_FORMAT", _log_format, "text" if terminal else "json", "text or json"
            ),
            tracing=_tracing(source),
            ready_ttl=_read(
                source, "READY_CACHE_SECONDS", _seconds, 5.0, "a number of seconds, 0 or more"
            ),
        ),
    )
    _check_workers(settings)
    return settings


def _check_workers(settings: Settings) -> None:
    """Refuse several workers without Redis, where each would keep state the others must share.

    Each worker process has its own memory: a cache there would go on serving a session that
    a mutation or webhook in another worker changed, rate limits there would each allow the
    whole rate, and a webhook taken by one worker would never reach the subscribers of the
    others. Redis keeps them in agreement.
    """
    if settings.workers == 1 or settings.cache.redis_url is not None:
        return
    raise ConfigError(
        f"WORKERS={settings.workers} needs CACHE_URL=redis://…: the workers share their cache, "
        "rate limits and live updates (webhooks, subscriptions) through it, and without it "
        "each would serve stale data, allow the rate several times over and keep webhooks to "
        "itself."
    )


def _tracing(source: Mapping[str, str]) -> TracingSettings:
    """Tracing from the standard `OTEL_*` variables: on once an exporter or endpoint is set."""
    service = source.get("OTEL_SERVICE_NAME", "").strip() or "checkout-gateway"
    if _read(source, "OTEL_SDK_DISABLED", _switch, False, "true or false"):
        return TracingSettings(service_name=service)
    exporter = source.get("OTEL_TRACES_EXPORTER", "").strip().lower()
    endpoint = any(
        source.get(name, "").strip()
        for name in ("OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")
    )
    if not exporter:
        exporter = "otlp" if endpoint else "none"
    if exporter not in {"otlp", "console", "none"}:
        raise ConfigError(f"OTEL_TRACES_EXPORTER must be otlp, console or none, got {exporter!r}.")
    # The traces-only variable wins over the general one, as the OpenTelemetry spec has it.
    for name in ("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "OTEL_EXPORTER_OTLP_PROTOCOL"):
        protocol = source.get(name, "").strip()
        if protocol:
            if protocol != "http/protobuf":
                raise ConfigError(f"{name} must be http/protobuf, got {protocol!r}.")
            break
    # The SDK reads OTEL_TRACES_SAMPLER (and its argument) itself when one is set.
    ratio = None if source.get("OTEL_TRACES_SAMPLER", "").strip() else DEFAULT_SAMPLE_RATIO
    return TracingSettings(
        exporter=None if exporter == "none" else exporter,
        service_name=service,
        sample_ratio=ratio,
    )


def _cache(source: Mapping[str, str]) -> CacheSettings:
    seconds = "a number of seconds, 0 or more (0 keeps it out of the cache)"
    defaults = CacheSettings()
    return CacheSettings(
        url=_read(
            source, "CACHE_URL", _cache_url, defaults.url, "memory://, a redis:// URL or off"
        ),
        open_ttl=_read(source, "CACHE_TTL_OPEN", _seconds, defaults.open_ttl, seconds),
        complete_ttl=_read(source, "CACHE_TTL_COMPLETE", _seconds, defaults.complete_ttl, seconds),
        expired_ttl=_read(source, "CACHE_TTL_EXPIRED", _seconds, defaults.expired_ttl, seconds),
        stale_if_error=_read(
            source, "CACHE_STALE_IF_ERROR", _seconds, defaults.stale_if_error, seconds
        ),
        line_items_ttl=_read(
            source, "CACHE_TTL_LINE_ITEMS", _seconds, defaults.line_items_ttl, seconds
        ),
    )


def _auth(source: Mapping[str, str], *, demo: bool) -> AuthSettings:
    """Keys, JWTs and anonymous scopes: every scope in demo mode, none with a Stripe key."""
    names = ", ".join(sorted(scope.value for scope in Scope))
    return AuthSettings(
        keys=_file(source, "AUTH_KEYS_FILE", read_api_keys) or (),
        jwt=_jwt(source),
        anonymous_scopes=_read(
            source,
            "AUTH_ANONYMOUS_SCOPES",
            _scopes,
            ALL_SCOPES if demo else frozenset(),
            f"none or a comma-separated list of {names}",
        ),
    )


def _jwt(source: Mapping[str, str]) -> JwtSettings | None:
    url = _read(source, "AUTH_JWKS_URL", _url, None, "an http(s) URL")
    path = source.get("AUTH_JWKS_FILE", "").strip() or None
    issuer = source.get("AUTH_JWT_ISSUER", "").strip()
    audience = source.get("AUTH_JWT_AUDIENCE", "").strip()
    if url is None and path is None:
        if issuer or audience:
            raise ConfigError(
                "AUTH_JWT_ISSUER and AUTH_JWT_AUDIENCE need AUTH_JWKS_URL or AUTH_JWKS_FILE."
            )
        return None
    if url is not None and path is not None:
        raise ConfigError("Set AUTH_JWKS_URL or AUTH_JWKS_FILE, not both.")
    if not issuer or not audience:
        raise ConfigError("JWTs need both AUTH_JWT_ISSUER and AUTH_JWT_AUDIENCE.")
    if path is not None and not os.path.isfile(path):
        raise ConfigError(f"AUTH_JWKS_FILE: {path} is not a readable file.")
    claim = "a JWT claim name"
    return JwtSettings(
        issuer=issuer,
        audience=audience,
        jwks_url=url,
        jwks_file=path,
        customer_claim=_read(source, "AUTH_JWT_CUSTOMER_CLAIM", str, "stripe_customer", claim),
        account_claim=_read(source, "AUTH_JWT_ACCOUNT_CLAIM", str, "stripe_account", claim),
        require_customer=_read(
            source, "AUTH_JWT_REQUIRE_CUSTOMER", _switch, False, "true or false"
        ),
    )


def _cors(source: Mapping[str, str]) -> CorsSettings:
    origins: tuple[str, ...] = _read(
        source,
        "CORS_ALLOW_ORIGINS",
        _origins,
        tuple[str, ...](),
        "* or a comma-separated list of origins such as https://shop.example.com",
    )
    credentials = _read(source, "CORS_ALLOW_CREDENTIALS", _switch, False, "true or false")
    if credentials and origins == ("*",):
        raise ConfigError(
            "CORS_ALLOW_ORIGINS=* cannot go with CORS_ALLOW_CREDENTIALS: list the origins."
        )
    return CorsSettings(allow_origins=origins, allow_credentials=credentials)


def _limits(source: Mapping[str, str]) -> LimitSettings:
    defaults = LimitSettings()
    whole = "a whole number, 1 or more"

    def count(name: str, default: int) -> int:
        return _read(source, name, _positive_int, default, whole)

    trusted = _file(source, "TRUSTED_DOCUMENTS", read_trusted_documents)
    limits = LimitSettings(
        max_document_bytes=count("MAX_DOCUMENT_BYTES", defaults.max_document_bytes),
        max_tokens=count("MAX_TOKENS", defaults.max_tokens),
        max_depth=count("MAX_DEPTH", defaults.max_depth),
        max_aliases=_read(
            source, "MAX_ALIASES", _non_negative_int, defaults.max_aliases, "a whole number"
        ),
        max_root_fields=count("MAX_ROOT_FIELDS", defaults.max_root_fields),
        max_fields=count("MAX_FIELDS", defaults.max_fields),
        max_directives=_read(
            source, "MAX_DIRECTIVES", _non_negative_int, defaults.max_directives, "a whole number"
        ),
        max_introspection_depth=count("MAX_INTROSPECTION_DEPTH", defaults.max_introspection_depth),
        max_introspection_fields=_read(
            source,
            "MAX_INTROSPECTION_FIELDS",
            _non_negative_int,
            defaults.max_introspection_fields,
            "a whole number",
        ),
        max_operation_cost=count("MAX_OPERATION_COST", defaults.max_operation_cost),
        max_result_fields=count("MAX_RESULT_FIELDS", defaults.max_result_fields),
        max_subscriptions=count("MAX_SUBSCRIPTIONS", defaults.max_subscriptions),
        operation_timeout=_read(
            source,
            "OPERATION_TIMEOUT",
            _positive_float,
            defaults.operation_timeout,
            "a positive number of seconds",
        ),
        rate_limit_points=_read(
            source,
            "RATE_LIMIT_POINTS",
            _optional(_positive_int),
            defaults.rate_limit_points,
            "a whole number of points, or off",
        ),
        rate_limit_restore=_read(
            source,
            "RATE_LIMIT_RESTORE",
            _positive_float,
            defaults.rate_limit_restore,
            "a positive number of points per second",
        ),
        document_cache_bytes=_read(
            source,
            "DOCUMENT_CACHE_BYTES",
            _non_negative_int,
            defaults.document_cache_bytes,
            "a whole number of bytes",
        ),
        hoist_literals=_read(
            source, "HOIST_LITERALS", _switch, defaults.hoist_literals, "on or off"
        ),
        persisted_queries=_read(
            source, "PERSISTED_QUERIES", _switch, defaults.persisted_queries, "on or off"
        ),
        trusted_documents=trusted,
    )
    points = limits.rate_limit_points
    if points is not None and points < limits.max_operation_cost:
        raise ConfigError(
            f"RATE_LIMIT_POINTS ({points}) must be at least MAX_OPERATION_COST "
            f"({limits.max_operation_cost}), or the costliest operations could never run."
        )
    return limits
