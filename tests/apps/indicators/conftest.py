from tests.apps.dossiers.conftest import _fresh_memo, catalogue, run, write_csv  # noqa: F401 - shared fixtures
