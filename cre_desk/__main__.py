"""Allows `python -m cre_desk`."""

import sys

from cre_desk.cli import main

sys.exit(main())
