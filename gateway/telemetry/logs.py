"""Log lines as text for a terminal or as one JSON object per line, each with its request id."""

from __future__ import annotations

import logging
import time
from typing import Any

import orjson

from gateway.telemetry.record import current_request_id

# The attributes every LogRecord has; anything else on a record came as `extra` and is a field.
_STANDARD = frozenset(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {
    "message",
    "asctime",
    "taskName",
    "request_id",
    "color_message",
}


def _fields(record: logging.LogRecord) -> dict[str, Any]:
    return {key: value for key, value in vars(record).items() if key not in _STANDARD}


class RequestIdFilter(logging.Filter):
    """Gives every record the id of the request being served when it was logged, if any."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = current_request_id()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request id and extra fields."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
            + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        request_id = getattr(record, "request_id", None)
        if request_id is not None:
            line["request_id"] = request_id
        line.update(_fields(record))
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return orjson.dumps(line, default=str).decode()


# Control characters a client could put into a logged value (a percent-decoded path, say),
# shown escaped so that one line stays one line.
_CONTROL = {code: f"\\x{code:02x}" for code in (*range(32), 127)}


def _plain(value: object) -> str:
    return str(value).translate(_CONTROL)


class TextFormatter(logging.Formatter):
    """`LEVEL: message key=value …`, readable in a terminal."""

    def format(self, record: logging.LogRecord) -> str:
        fields = _fields(record)
        request_id = getattr(record, "request_id", None)
        if request_id is not None:
            fields = {"request_id": request_id, **fields}
        text = f"{record.levelname + ':':<9} {_plain(record.getMessage())}"
        if fields:
            text += " " + " ".join(f"{key}={_plain(value)}" for key, value in fields.items())
        if record.exc_info:
            text += "\n" + self.formatException(record.exc_info)
        return text


def log_config(level: str, log_format: str) -> dict[str, Any]:
    """A `logging.config.dictConfig` for the gateway, uvicorn and libraries alike.

    uvicorn applies it in every worker process it starts. Its own access log stays off: the
    gateway writes a richer line per request (see middleware.py).
    """
    formatter = JsonFormatter if log_format == "json" else TextFormatter
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": RequestIdFilter}},
        "formatters": {"default": {"()": formatter}},
        "handlers": {
            "default": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stderr",
                "formatter": "default",
                "filters": ["request_id"],
            }
        },
        "root": {"handlers": ["default"], "level": level.upper()},
        "loggers": {
            "uvicorn": {"handlers": [], "propagate": True},
            "uvicorn.error": {"handlers": [], "propagate": True},
            "uvicorn.access": {"handlers": [], "propagate": False},
            # httpx logs every upstream call at info; the access line already counts them.
            "httpx": {"level": "WARNING"},
        },
    }
