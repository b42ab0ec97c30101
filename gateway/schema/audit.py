"""The audit trail: one line for every mutation a caller attempts, whatever became of it."""

from __future__ import annotations

import logging

from gateway.schema.context import Info

logger = logging.getLogger("gateway.audit")


def audit(info: Info, session_id: str | None, outcome: str, code: str | None = None) -> None:
    """Log who tried which mutation on which session, and how it ended.

    The line is logfmt (`key=value` pairs), and the same fields travel as the record's
    `audit` attribute for structured handlers. It names the caller, never its credentials.
    """
    fields = {
        "client": info.context.caller.name,
        "operation": info.field_name,
        "session": session_id or "-",
        "outcome": outcome,
    }
    if code is not None:
        fields["code"] = code
    logger.info(
        "audit %s",
        " ".join(f"{key}={_logfmt(value)}" for key, value in fields.items()),
        extra={"audit": fields},
    )


def _logfmt(value: str) -> str:
    if value and all(c.isprintable() and c not in ' "=\\' for c in value):
        return value
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "".join(c if c.isprintable() else "?" for c in escaped) + '"'
