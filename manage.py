#!/usr/bin/env python
"""Same as the ``cchc`` console script, for those used to Django's manage.py."""

from cchc.cli import main

if __name__ == "__main__":
    main()
