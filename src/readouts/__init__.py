"""readouts: line up two governments' readouts of the same call and say, with evidence, what
each side mentions, what it leaves out, and how it frames what both mention.

>>> import readouts
>>> cmp = readouts.compare("Pashinyan raised the Lachin corridor blockade.",
...                        "Nagorno-Karabakh was discussed.", labels=("Yerevan", "Kremlin"))
>>> [t.name for t in cmp.only("Yerevan")]
['Lachin corridor', 'blockade']
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from readouts.compare import compare
from readouts.config import Config
from readouts.errors import InputError, LexiconError, ReadoutsError, UsageError
from readouts.model import Comparison, Mention, Pair, Readout, Sentence, Topic

try:
    __version__ = version("readouts")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

__all__ = [
    "Comparison",
    "Config",
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
]
