"""Entry script of the bundled command line (``screening``): the same code as the
``screening`` command of an installed package."""

import sys

from screening.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
