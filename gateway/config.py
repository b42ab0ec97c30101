"""Settings, read once from the environment into a typed object and passed down from there."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TypeVar

DEFAULT_API_BASE = "https://api.stripe.com"
DEFAULT_API_VERSION = "2026-02-25.clover"

T = TypeVar("T")


class ConfigError(ValueError):
    """A setting has a value the gateway cannot use; the message names the variable."""


@dataclass(frozen=True)
class StripeSettings:
    """How to reach Stripe (or the embedded emulator) and how patiently."""

    api_key: str
    api_base: str = DEFAULT_API_BASE
    api_version: str = DEFAULT_API_VERSION
    account: str | None = None
    timeout: float = 30.0
    connect_timeout: float = 5.0
    max_retries: int = 2
    retry_delay: float = 0.5
    max_connections: int = 100
    max_concurrency: int = 32
    webhook_secret: str | None = None

    def __repr__(self) -> str:
        # The key must never reach a log line, not even through a repr of the settings.
        return (
            f"StripeSettings(api_base={self.api_base!r}, api_version={self.api_version!r}, "
            f"account={self.account!r}, timeout={self.timeout!r})"
        )


@dataclass(frozen=True)
class CacheSettings:
    """Where cached Stripe objects live, and how many seconds each kind stays fresh.

    A session's lifetime follows its status: an open session can be paid or expired at any
    moment, while a paid or expired one hardly changes again. A lifetime of 0 keeps that kind
    out of the cache; the URL `off` turns the cache off altogether.
    """

    url: str = "memory://"
    open_ttl: float = 2.0
    complete_ttl: float = 300.0
    expired_ttl: float = 3600.0
    line_items_ttl: float = 300.0

    @property
    def enabled(self) -> bool:
        return self.url != "off"


@dataclass(frozen=True)
class Settings:
    """Everything the gateway process needs to start."""

    stripe: StripeSettings
    cache: CacheSettings
    host: str = "127.0.0.1"
    port: int = 8000
    emulator_port: int = 12111
    log_level: str = "info"

    @property
    def uses_emulator(self) -> bool:
        """With no Stripe key configured the gateway serves the embedded emulator's data."""
        return not self.stripe.api_key


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


def _positive_float(raw: str) -> float:
    value = float(raw)
    if not value > 0:
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


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Read the settings from `env` (the process environment by default)."""
    source = os.environ if env is None else env
    stripe = StripeSettings(
        api_key=source.get("STRIPE_API_KEY", "").strip(),
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
    )
    seconds = "a number of seconds, 0 or more (0 keeps it out of the cache)"
    defaults = CacheSettings()
    cache = CacheSettings(
        url=_read(
            source, "CACHE_URL", _cache_url, defaults.url, "memory://, a redis:// URL or off"
        ),
        open_ttl=_read(source, "CACHE_TTL_OPEN", _seconds, defaults.open_ttl, seconds),
        complete_ttl=_read(source, "CACHE_TTL_COMPLETE", _seconds, defaults.complete_ttl, seconds),
        expired_ttl=_read(source, "CACHE_TTL_EXPIRED", _seconds, defaults.expired_ttl, seconds),
        line_items_ttl=_read(
            source, "CACHE_TTL_LINE_ITEMS", _seconds, defaults.line_items_ttl, seconds
        ),
    )
    return Settings(
        stripe=stripe,
        cache=cache,
        host=source.get("HOST", "").strip() or "127.0.0.1",
        port=_read(source, "PORT", _port, 8000, "a port number from 0 to 65535"),
        emulator_port=_read(
            source, "EMULATOR_PORT", _listening_port, 12111, "a port number from 1 to 65535"
        ),
        log_level=_read(source, "LOG_LEVEL", _log_level, "info", "debug, info, warning or error"),
    )
