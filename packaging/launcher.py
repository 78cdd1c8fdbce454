"""The bundle's entry point: the same ``main`` as ``python -m carecompanion``; and, given
``--carecompanion-agent`` alone, the command line's session agent (the bundle has no ``-m``:
carecompanion.vault.agent starts it this way)."""

import sys

from carecompanion.__main__ import main
from carecompanion.vault import agent_server
from carecompanion.vault.agent import FROZEN_AGENT_ARGUMENT

if __name__ == "__main__":
    if sys.argv[1:] == [FROZEN_AGENT_ARGUMENT]:
        sys.exit(agent_server.main())
    sys.exit(main())
