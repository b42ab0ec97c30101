import os
import re
from pathlib import Path

import pytest

from gateway.config import DEFAULT_API_VERSION, ConfigError, load_settings
from gateway.config.environment import cpu_count
from gateway.identity import Scope


def test_defaults_use_the_emulator_and_pin_the_api_version() -> None:
    settings = load_settings({})
    assert settings.uses_emulator
    assert settings.stripe.api_version == DEFAULT_API_VERSION == "2026-02-25.clover"
    assert (settings.host, settings.port) == ("127.0.0.1", 8000)
    assert settings.cache.url == "memory://"


def test_values_are_read_and_typed() -> None:
    settings = load_settings(
        {
            "STRIPE_API_KEY": "sk_test_x",
            "STRIPE_API_BASE": "http://127.0.0.1:9/",
            "STRIPE_ACCOUNT": "acct_1",
            "STRIPE_TIMEOUT": "2.5",
            "STRIPE_MAX_RETRIES": "0",
            "CACHE_URL": "off",
            "CACHE_TTL_OPEN": "0",
            "CACHE_TTL_EXPIRED": "86400",
            "PORT": "9000",
            "LOG_LEVEL": "WARNING",
        }
    )
    assert not settings.uses_emulator
    assert settings.stripe.api_base == "http://127.0.0.1:9"
    assert settings.stripe.account == "acct_1"
    assert settings.stripe.timeout == 2.5
    assert settings.stripe.max_retries == 0
    assert not settings.cache.enabled
    assert settings.cache.open_ttl == 0
    assert settings.cache.complete_ttl == 300
    assert settings.cache.expired_ttl == 86400
    assert settings.port == 9000
    assert settings.observability.log_level == "warning"


@pytest.mark.parametrize(
    ("name", "value", "fragment"),
    [
        ("PORT", "eighty", "PORT must be a port number"),
        ("PORT", "70000", "PORT must be a port number"),
        ("STRIPE_TIMEOUT", "-1", "STRIPE_TIMEOUT must be a positive number"),
        ("STRIPE_API_BASE", "api.stripe.com", "STRIPE_API_BASE must be an http(s) URL"),
        ("CACHE_URL", "memcached://x", "CACHE_URL must be memory://"),
        ("CACHE_TTL_OPEN", "-5", "CACHE_TTL_OPEN must be a number of seconds, 0 or more"),
        ("CACHE_TTL_COMPLETE", "soon", "CACHE_TTL_COMPLETE must be a number of seconds"),
        ("CACHE_TTL_EXPIRED", "nan", "CACHE_TTL_EXPIRED must be a number of seconds"),
        ("STRIPE_MAX_CONCURRENCY", "0", "STRIPE_MAX_CONCURRENCY must be a whole number"),
        ("LOG_LEVEL", "loud", "LOG_LEVEL must be"),
    ],
)
def test_bad_values_name_the_variable(name: str, value: str, fragment: str) -> None:
    with pytest.raises(ConfigError, match=fragment.replace("(", r"\(").replace(")", r"\)")):
        load_settings({name: value})


def test_the_key_is_not_in_the_repr() -> None:
    settings = load_settings({"STRIPE_API_KEY": "sk_test_secretvalue"})
    assert "secretvalue" not in repr(settings)


def test_limits_auth_and_cors_are_read(tmp_path: Path) -> None:
    keys = tmp_path / "keys.toml"
    keys.write_text(
        '[[client]]\nname = "ci"\nkey_sha256 = "' + "a" * 64 + '"\n'
        'scopes = ["checkout:read"]\ncustomer = "cus_1"\n'
    )
    settings = load_settings(
        {
            "STRIPE_API_KEY": "sk_live_x",
            "AUTH_KEYS_FILE": str(keys),
            "AUTH_ANONYMOUS_SCOPES": "checkout:read, schema:introspect",
            "CORS_ALLOW_ORIGINS": "https://a.example, http://localhost:3000",
            "MAX_DEPTH": "9",
            "RATE_LIMIT_POINTS": "off",
        }
    )
    [key] = settings.auth.keys
    assert (key.name, key.customer, key.scopes) == ("ci", "cus_1", frozenset({Scope.READ}))
    assert settings.auth.anonymous_scopes == {Scope.READ, Scope.INTROSPECT}
    assert settings.cors.allow_origins == ("https://a.example", "http://localhost:3000")
    assert settings.limits.max_depth == 9
    assert settings.limits.rate_limit_points is None
    assert settings.stripe.rate_limit == 100
    assert load_settings({"STRIPE_API_KEY": "sk_test_x"}).stripe.rate_limit == 25
    assert load_settings({}).stripe.rate_limit is None


@pytest.mark.parametrize(
    ("env", "fragment"),
    [
        ({"AUTH_ANONYMOUS_SCOPES": "checkout:write"}, "AUTH_ANONYMOUS_SCOPES must be"),
        ({"AUTH_JWT_ISSUER": "https://id"}, "need AUTH_JWKS_URL or AUTH_JWKS_FILE"),
        ({"AUTH_JWKS_URL": "https://id/jwks"}, "both AUTH_JWT_ISSUER and AUTH_JWT_AUDIENCE"),
        ({"AUTH_KEYS_FILE": "/nonexistent/keys.toml"}, "AUTH_KEYS_FILE: cannot read"),
        ({"CORS_ALLOW_ORIGINS": "shop.example.com"}, "CORS_ALLOW_ORIGINS must be"),
        (
            {"CORS_ALLOW_ORIGINS": "*", "CORS_ALLOW_CREDENTIALS": "true"},
            "cannot go with CORS_ALLOW_CREDENTIALS",
        ),
        ({"MAX_OPERATION_COST": "0"}, "MAX_OPERATION_COST must be a whole number"),
        ({"STRIPE_RATE_LIMIT": "fast"}, "STRIPE_RATE_LIMIT must be"),
        ({"TRUSTED_DOCUMENTS": "/nonexistent.json"}, "TRUSTED_DOCUMENTS: cannot read"),
    ],
)
def test_bad_security_settings_name_the_variable(env: dict[str, str], fragment: str) -> None:
    with pytest.raises(ConfigError, match=re.escape(fragment)):
        load_settings(env)


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ('[[client]]\nname = "a"\nkey_sha256 = "abc"\n', "64 hex digits"),
        ('[[client]]\nkey_sha256 = "' + "a" * 64 + '"\n', "needs a `name`"),
        (
            '[[client]]\nname = "a"\nkey_sha256 = "' + "a" * 64 + '"\nscopes = ["all"]\n',
            "unknown scopes",
        ),
        ('[[client]]\nname = "a"\nkey_sha256 = "' + "a" * 64 + '"\ncustomer = "bob"\n', "cus_"),
        (
            '[[client]]\nname = "a"\nkey = "secret"\nkey_sha256 = "' + "a" * 64 + '"\n',
            "unknown fields",
        ),
        (
            '[[client]]\nname = "a"\nkey_sha256 = "' + "a" * 64 + '"\n'
            '[[client]]\nname = "b"\nkey_sha256 = "' + "a" * 64 + '"\n',
            "share the key_sha256",
        ),
        ("not toml [", "not valid TOML"),
    ],
)
def test_bad_key_files_say_which_client_and_why(
    tmp_path: Path, content: str, fragment: str
) -> None:
    path = tmp_path / "keys.toml"
    path.write_text(content)
    with pytest.raises(ConfigError, match=re.escape(fragment)):
        load_settings({"AUTH_KEYS_FILE": str(path)})


def test_operations_settings_and_their_defaults() -> None:
    settings = load_settings({}, terminal=True)
    assert (settings.workers, settings.production, settings.mode) == (1, False, "demo")
    assert settings.observability.log_format == "text"
    assert settings.observability.tracing.exporter is None
    assert load_settings({}, terminal=False).observability.log_format == "json"
    live = load_settings({"STRIPE_API_KEY": "sk_live_x", "GATEWAY_ENV": "production"})
    assert (live.mode, live.production) == ("live", True)
    assert load_settings({"STRIPE_API_KEY": "rk_test_x"}).mode == "test"
    auto = load_settings({"WORKERS": "auto", "CACHE_URL": "redis://127.0.0.1:6379/0"})
    assert auto.workers == cpu_count() <= len(os.sched_getaffinity(0))


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"GATEWAY_ENV": "staging"}, "GATEWAY_ENV must be production or development"),
        ({"GATEWAY_ENV": "production"}, "GATEWAY_ENV=production needs STRIPE_API_KEY"),
        ({"WORKERS": "0"}, "WORKERS must be a whole number, 1 or more, or auto"),
        ({"WORKERS": "3"}, "WORKERS=3 needs CACHE_URL=redis://"),
        ({"LOG_FORMAT": "xml"}, "LOG_FORMAT must be text or json"),
        ({"OTEL_TRACES_EXPORTER": "zipkin"}, "OTEL_TRACES_EXPORTER must be otlp, console or none"),
        (
            {"OTEL_EXPORTER_OTLP_ENDPOINT": "http://c:4318", "OTEL_EXPORTER_OTLP_PROTOCOL": "grpc"},
            "OTEL_EXPORTER_OTLP_PROTOCOL must be http/protobuf",
        ),
    ],
)
def test_operations_settings_refused_with_their_names(env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError, match=re.escape(message)):
        load_settings(env)


@pytest.mark.parametrize(
    ("env", "exporter"),
    [
        ({"OTEL_EXPORTER_OTLP_ENDPOINT": "http://collector:4318"}, "otlp"),
        ({"OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": "http://collector:4318/v1/traces"}, "otlp"),
        ({"OTEL_TRACES_EXPORTER": "console"}, "console"),
        ({"OTEL_TRACES_EXPORTER": "none", "OTEL_EXPORTER_OTLP_ENDPOINT": "http://c:4318"}, None),
        ({"OTEL_SDK_DISABLED": "true", "OTEL_TRACES_EXPORTER": "console"}, None),
    ],
)
def test_tracing_is_on_only_once_an_exporter_is_set(
    env: dict[str, str], exporter: str | None
) -> None:
    assert load_settings(env).observability.tracing.exporter == exporter
