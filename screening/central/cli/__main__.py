"""``python -m screening.central.cli``: the same as ``screening-central``."""

import sys

from screening.central.cli.main import main

sys.exit(main())
