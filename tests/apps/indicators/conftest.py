from tests.apps.dossiers.conftest import catalogue, run, write_csv  # noqa: F401 - shared fixtures
