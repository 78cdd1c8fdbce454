"""The bundle's entry point: the same ``main`` as ``python -m carecompanion``."""

import sys

from carecompanion.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
