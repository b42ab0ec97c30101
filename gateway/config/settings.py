"""The typed settings every part of the gateway is built from."""

from __future__ import annotations

from dataclasses import dataclass, field

from gateway.identity import Scope

DEFAULT_API_BASE = "https://api.stripe.com"
DEFAULT_API_VERSION = "2026-02-25.clover"


@dataclass(frozen=True)
class StripeSettings:
    """How to reach Stripe (or the embedded emulator) and how patiently.

    `rate_limit` is the most calls per second the gateway makes for the whole account (shared
    by every replica through Redis); None sets no limit of the gateway's own.
    """

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
    rate_limit: float | None = None

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
    # How long past its freshness a settled session may still answer while Stripe fails.
    stale_if_error: float = 300.0

    @property
    def enabled(self) -> bool:
        return self.url != "off"

    @property
    def redis_url(self) -> str | None:
        """The Redis server replicas share, if the cache is one."""
        return self.url if self.url.startswith(("redis://", "rediss://")) else None


@dataclass(frozen=True)
class ApiKey:
    """One server-side client: the SHA-256 of its key (never the key), and what it may do."""

    name: str
    key_sha256: str
    scopes: frozenset[Scope]
    customer: str | None = None
    account: str | None = None

    def __repr__(self) -> str:
        return f"ApiKey(name={self.name!r}, scopes={sorted(self.scopes)!r})"


@dataclass(frozen=True)
class JwtSettings:
    """How bearer JWTs are verified: whose keys, which issuer and audience, which claims."""

    issuer: str
    audience: str
    jwks_url: str | None = None
    jwks_file: str | None = None
    customer_claim: str = "stripe_customer"
    account_claim: str = "stripe_account"
    # Refuse tokens that bind their caller to no customer (when every token is an end user's).
    require_customer: bool = False
    # Keys are fetched again after `jwks_refresh` seconds, and at once for a token signed by
    # a key not yet seen, but not more often than every `jwks_cooldown` seconds.
    jwks_refresh: float = 300.0
    jwks_cooldown: float = 1.0
    leeway: float = 30.0


@dataclass(frozen=True)
class AuthSettings:
    """Who may call: API keys, JWTs, and what callers without credentials may do."""

    keys: tuple[ApiKey, ...] = ()
    jwt: JwtSettings | None = None
    anonymous_scopes: frozenset[Scope] = frozenset()


@dataclass(frozen=True)
class CorsSettings:
    """Which browser origins may call the gateway; none by default."""

    allow_origins: tuple[str, ...] = ()
    allow_credentials: bool = False


@dataclass(frozen=True)
class LimitSettings:
    """What one operation may ask for, and how fast one caller may spend.

    The document limits are checked once per distinct document, before it is validated; the
    cost is counted in Stripe calls. `rate_limit_points` of None turns per-caller rate limits
    off.
    """

    max_document_bytes: int = 32_768
    max_tokens: int = 5_000
    max_depth: int = 20
    max_aliases: int = 100
    max_root_fields: int = 50
    max_fields: int = 2_000
    max_directives: int = 5
    max_introspection_depth: int = 2
    max_introspection_fields: int = 3
    max_operation_cost: int = 50
    max_result_fields: int = 5_000
    # Subscriptions one client may hold open at once, on each replica.
    max_subscriptions: int = 20
    operation_timeout: float = 30.0
    rate_limit_points: int | None = 100
    rate_limit_restore: float = 10.0
    document_cache_bytes: int = 16 << 20
    # Documents differing only in literal values share one prepared document.
    hoist_literals: bool = True
    persisted_queries: bool = True
    # Hash to document: when set, only these documents run.
    trusted_documents: dict[str, str] | None = None


@dataclass(frozen=True)
class TracingSettings:
    """Whether spans are exported, and how; the exporter reads its own `OTEL_*` variables.

    `exporter` is `otlp` (over HTTP with protobuf) or `console`; None turns tracing off.
    `sample_ratio` is the share of traces started here that are recorded (traces a caller
    started follow the caller's choice), unless `OTEL_TRACES_SAMPLER` chooses otherwise, in
    which case it is None.
    """

    exporter: str | None = None
    service_name: str = "checkout-gateway"
    sample_ratio: float | None = 0.05


@dataclass(frozen=True)
class ObservabilitySettings:
    """Logs, traces, readiness probes and worker processes.

    `log_format` is `text` or `json`. `ready_ttl` is how many seconds one readiness check of
    Stripe and Redis answers every probe, so that probes never load Stripe.
    """

    log_level: str = "info"
    log_format: str = "text"
    tracing: TracingSettings = field(default_factory=TracingSettings)
    ready_ttl: float = 5.0


# How operations execute: compiled plans, graphql-core with a short path for Stripe's leaves,
# or graphql-core as it is (benchmarks/README.md has what each costs).
ENGINES = ("plans", "lean", "graphql-core")


@dataclass(frozen=True)
class Settings:
    """Everything the gateway process needs to start.

    `production` refuses to start without a Stripe key; `demo` marks settings that serve the
    embedded emulator's data, which the health checks, a response header and GraphiQL say.
    """

    stripe: StripeSettings
    cache: CacheSettings
    auth: AuthSettings = field(default_factory=AuthSettings)
    cors: CorsSettings = field(default_factory=CorsSettings)
    limits: LimitSettings = field(default_factory=LimitSettings)
    host: str = "127.0.0.1"
    port: int = 8000
    emulator_port: int = 12111
    workers: int = 1
    engine: str = "plans"
    production: bool = False
    demo: bool = False
    observability: ObservabilitySettings = field(default_factory=ObservabilitySettings)

    @property
    def uses_emulator(self) -> bool:
        """With no Stripe key configured the gateway serves the embedded emulator's data."""
        return not self.stripe.api_key

    @property
    def mode(self) -> str:
        """`demo` on the emulator's data, otherwise `live` or `test` by the Stripe key."""
        if self.demo or self.uses_emulator:
            return "demo"
        return "live" if self.stripe.api_key.startswith(("sk_live_", "rk_live_")) else "test"
