"""Entry script that PyInstaller freezes (build.spec): the same as the `cre-desk` console script."""

import sys

from cre_desk.cli import main

if __name__ == "__main__":
    sys.exit(main())
