"""``Fold(expr)``: the search fold of ``core.search`` inside SQL, so filtering stays in the database.

PostgreSQL gets ``translate(expr, FOLD_FROM, FOLD_TO)`` (built in, no extension to install); SQLite
calls ``core.search.fold_chars``, registered on each new connection. Both fold alike, so a search
answers the same on the laptop demo and on the production server.
"""

from __future__ import annotations

from django.db.models import Func, TextField, Value

from core.search import FOLD_FROM, FOLD_TO, fold_chars

SQLITE_NAME = "cchc_fold"


def register_sqlite_fold(sender, connection, **kwargs) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_function(SQLITE_NAME, 1, fold_chars, deterministic=True)


class Fold(Func):
    function = SQLITE_NAME
    arity = 1
    output_field = TextField()

    def as_postgresql(self, compiler, connection, **extra_context):
        translate = Func(
            *self.get_source_expressions(),
            Value(FOLD_FROM),
            Value(FOLD_TO),
            function="translate",
            output_field=TextField(),
        )
        return compiler.compile(translate)
