"""Settings, read once from the environment into typed objects and passed down from there."""

from gateway.config.environment import ConfigError, default_rate_limit, load_settings
from gateway.config.settings import (
    DEFAULT_API_BASE,
    DEFAULT_API_VERSION,
    ApiKey,
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

__all__ = [
    "DEFAULT_API_BASE",
    "DEFAULT_API_VERSION",
    "ApiKey",
    "AuthSettings",
    "CacheSettings",
    "ConfigError",
    "CorsSettings",
    "JwtSettings",
    "LimitSettings",
    "ObservabilitySettings",
    "Settings",
    "StripeSettings",
    "TracingSettings",
    "default_rate_limit",
    "load_settings",
]
