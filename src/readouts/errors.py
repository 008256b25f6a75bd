"""The one family of exceptions readouts raises.

Every error a user can cause is a :class:`ReadoutsError` whose message says what went wrong and
how to fix it, in one line. The command line turns them into ``Error: ...`` on stderr and the
exit status below; nothing else escapes the library on any ``str`` input.
"""

from __future__ import annotations


class ReadoutsError(Exception):
    """Base class: something the user gave cannot be used. ``exit_status`` is the CLI's."""

    exit_status = 2


class InputError(ReadoutsError):
    """A readout cannot be read or is unusable (missing, binary, undecodable, empty, too big)."""


class LexiconError(ReadoutsError):
    """A topic lexicon file is malformed."""


class UsageError(ReadoutsError):
    """Options that do not fit together (labels, formats, samples)."""
