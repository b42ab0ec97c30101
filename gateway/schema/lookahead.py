"""Look ahead at the selection set, so one REST call can fetch what nested fields will need."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField, Selection

from gateway.schema.context import Info


def selects(info: Info, *paths: Sequence[str]) -> bool:
    """Whether the current field's selection reaches any of `paths` (GraphQL field names).

    Fragments and inline fragments are looked through, so `...SessionFields` counts the same
    as writing the fields out.
    """
    for field in info.selected_fields:
        if any(_reaches(field.selections, path) for path in paths):
            return True
    return False


def _reaches(selections: Iterable[Selection], path: Sequence[str]) -> bool:
    if not path:
        return True
    for selection in selections:
        if isinstance(selection, FragmentSpread | InlineFragment):
            if _reaches(selection.selections, path):
                return True
        elif (
            isinstance(selection, SelectedField)
            and selection.name == path[0]
            and _reaches(selection.selections, path[1:])
        ):
            return True
    return False
