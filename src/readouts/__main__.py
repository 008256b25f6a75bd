"""``python -m readouts``: the same command line as the ``readouts`` script."""

from readouts.cli import main

main()
