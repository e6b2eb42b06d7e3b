"""Entry script of the bundled desktop client (``returnee-screening``): the same code as the
``screening-desktop`` command of an installed package."""

import sys

from screening.ui.app import main

if __name__ == "__main__":
    sys.exit(main())
