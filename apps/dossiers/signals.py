"""``imported``: sent after an import that changed dossiers has committed (the roll-ups changed), so
whoever memoises figures (``apps.indicators.engine``) forgets them."""

from django.dispatch import Signal

imported = Signal()
