"""The dossier and indicator rules: grants and denials."""

from __future__ import annotations

from apps.accounts.policy import can, subject
from apps.accounts.policy.dossiers import import_scope
from apps.dossiers.models import Dossier


def test_import_rights(world):
    assert can(world.officer_a1, "dossiers.import", world.a1)
    assert can(world.officer_a, "dossiers.import", world.a1)  # a province covers its communes
    assert can(world.admin_a1, "dossiers.import", world.a1)
    assert not can(world.officer_a1, "dossiers.import", world.a2)
    assert not can(world.staff_a1, "dossiers.import", world.a1)
    assert not can(world.leader_a1, "dossiers.import")
    assert import_scope(subject(world.officer_a1)) == {world.a1.pk}
    assert import_scope(subject(world.root)) is None


def test_view_and_indicator_rights(world):
    assert can(world.staff_a1, "dossiers.view", world.a1)
    assert not can(world.staff_a1, "indicators.view", world.a1)  # agency staff: dossiers, not the dashboard
    assert can(world.viewer_a1, "indicators.view", world.a1) and not can(
        world.viewer_a1, "indicators.view", world.a
    )
    assert can(world.appraiser_a, "indicators.view", world.a2)
    assert not can(world.officer_b1, "dossiers.view", world.a1)
    assert not can(world.nobody, "dossiers.view")


def test_catalogue_entries_and_tokens(world):
    assert can(world.officer_a, "dossiers.catalogue") and not can(world.officer_a1, "dossiers.catalogue")
    assert can(world.officer_a1, "indicators.enter", world.a1)
    assert not can(world.officer_a, "indicators.enter", world.a1)  # a unit enters its own figures
    assert can(world.admin_a1, "api.tokens", world.a1) and can(world.admin_a, "api.tokens", world.a1)
    assert not can(world.officer_a1, "api.tokens", world.a1)


def test_apology_rights(world):
    dossier = Dossier(org_unit=world.a1, agency=world.kt_a1)
    assert can(world.officer_a1, "dossiers.apology", dossier)
    assert can(world.staff_a1, "dossiers.apology", dossier)  # the agency handling it
    assert not can(world.staff_a1_hcc, "dossiers.apology", dossier)
    assert not can(world.viewer_a1, "dossiers.apology", dossier)
    assert not can(world.officer_b1, "dossiers.apology", dossier)
