from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "apps.search"
    verbose_name = "Tìm kiếm"

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from apps.search.db import register_sqlite_fold

        connection_created.connect(register_sqlite_fold, dispatch_uid="search-sqlite-fold")
