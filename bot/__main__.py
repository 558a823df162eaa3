"""`python -m bot` and the `briefbot` console script."""

import sys

try:
    from bot.cli import main
except KeyboardInterrupt:  # Ctrl-C while still starting up: the usual status, no traceback
    print(file=sys.stderr)
    sys.exit(130)

if __name__ == "__main__":
    sys.exit(main())
