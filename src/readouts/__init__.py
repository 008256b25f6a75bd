"""readouts: line up two governments' readouts of the same call and say, with evidence, what
each side mentions, what it leaves out, and how it frames what both mention.

>>> import readouts
>>> cmp = readouts.compare("Pashinyan raised the Lachin corridor blockade.",
...                        "Nagorno-Karabakh was discussed.", labels=("Yerevan", "Kremlin"))
>>> [t.name for t in cmp.only("Yerevan")]
['Lachin corridor', 'blockade']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from readouts.compare import compare
from readouts.config import Config
from readouts.errors import InputError, LexiconError, ReadoutsError, UsageError
from readouts.model import Comparison, Mention, Pair, Readout, Sentence, Topic

if TYPE_CHECKING:  # loaded on first use by __getattr__ below
    from readouts.corpus import Corpus, compare_many

#: The one place the version is written (pyproject.toml reads it from here).
__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    """``compare_many`` and ``Corpus``: the corpus machinery (worker processes, manifests)
    is imported when first used: comparing one pair does not pay for it at start-up."""
    if name in ("Corpus", "compare_many"):
        from readouts import corpus

        return getattr(corpus, name)
    raise AttributeError(f"module 'readouts' has no attribute {name!r}")


__all__ = [
    "Comparison",
    "Config",
    "Corpus",
    "InputError",
    "LexiconError",
    "Mention",
    "Pair",
    "Readout",
    "ReadoutsError",
    "Sentence",
    "Topic",
    "UsageError",
    "__version__",
    "compare",
    "compare_many",
]
