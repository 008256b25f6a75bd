"""``--format json``: the documented data contract (``schema_version`` 1)."""

from __future__ import annotations

import json

from readouts.model import Comparison


def render_json(cmp: Comparison) -> str:
    """The comparison as JSON: UTF-8 text, non-ASCII kept as is, keys in a stable order."""
    return json.dumps(cmp.to_dict(), ensure_ascii=False, indent=2) + "\n"
