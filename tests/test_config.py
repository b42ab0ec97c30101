import pytest

from gateway.config import DEFAULT_API_VERSION, ConfigError, load_settings


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
    assert settings.log_level == "warning"


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
