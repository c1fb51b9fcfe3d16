"""Record every create, update and delete of registered models made while a user is acting.

Models opt in with ``track(Model, org_unit=...)``. Signals catch every path (services, forms, the
Django admin) so no write can forget its audit record; changes made with no acting user (the demo
loader, migrations) are not attributed to anyone and are not recorded.
"""

from __future__ import annotations

import datetime
import decimal
from collections.abc import Callable

from django.db import models
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from apps.audit.context import current_actor
from apps.audit.models import AuditEntry

_TRACKED: dict[type[models.Model], dict] = {}
_SKIP_FIELDS = {"password", "last_login", "key"}


def _plain(value):
    """A JSON-safe form of a field value, readable in the audit view."""
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, list | dict | str | int | float | bool) or value is None:
        return value
    return str(value)


def _values(instance: models.Model) -> dict:
    out = {}
    for field in instance._meta.concrete_fields:
        if field.name in _SKIP_FIELDS or field.primary_key:
            continue
        out[field.name] = _plain(getattr(instance, field.attname))
    return out


def _write(instance, action: str, changes: dict, message: str = "") -> None:
    actor = current_actor()
    if actor is None:
        return
    options = _TRACKED.get(type(instance), {})
    org_unit_of = options.get("org_unit")
    AuditEntry.objects.create(
        actor=actor if isinstance(actor, models.Model) else None,  # the command-line operator: by name
        actor_name=str(actor)[:150],
        action=action,
        model=instance._meta.label_lower,
        object_id=str(instance.pk),
        object_repr=str(instance)[:300],
        org_unit_id=org_unit_of(instance) if org_unit_of else None,
        changes=changes,
        message=message[:500],
    )


def _pre_save(sender, instance, raw=False, **kwargs):
    if raw or current_actor() is None:
        return
    before = None
    if instance.pk is not None:
        old = sender._default_manager.filter(pk=instance.pk).first()
        before = _values(old) if old is not None else None
    instance._audit_before = before


def _post_save(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    before = getattr(instance, "_audit_before", None)
    after = _values(instance)
    if created or before is None:
        _write(
            instance,
            AuditEntry.Action.CREATE,
            {k: [None, v] for k, v in after.items() if v not in (None, "")},
        )
        return
    diff = {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}
    if diff:
        _write(instance, AuditEntry.Action.UPDATE, diff)


def _post_delete(sender, instance, **kwargs):
    _write(
        instance,
        AuditEntry.Action.DELETE,
        {k: [v, None] for k, v in _values(instance).items() if v not in (None, "")},
    )


def _m2m_changed(sender, instance, action, model, pk_set, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear"} or type(instance) not in _TRACKED:
        return
    field = next((f.name for f in instance._meta.many_to_many if f.remote_field.through is sender), "members")
    names = sorted(str(o) for o in model._default_manager.filter(pk__in=pk_set or []))
    if action == "post_add":
        change = [None, names]
    elif action == "post_remove":
        change = [names, None]
    else:
        change = ["(tất cả)", None]
    _write(instance, AuditEntry.Action.UPDATE, {field: change})


def track(model: type[models.Model], *, org_unit: Callable[[models.Model], int | None] | None = None) -> None:
    """Record changes of ``model``; ``org_unit`` maps an instance to its org unit id for scoped browsing."""
    _TRACKED[model] = {"org_unit": org_unit}
    uid = f"audit-{model._meta.label_lower}"
    pre_save.connect(_pre_save, sender=model, dispatch_uid=uid + "-pre")
    post_save.connect(_post_save, sender=model, dispatch_uid=uid + "-post")
    post_delete.connect(_post_delete, sender=model, dispatch_uid=uid + "-del")
    for field in model._meta.many_to_many:
        m2m_changed.connect(
            _m2m_changed, sender=field.remote_field.through, dispatch_uid=f"{uid}-{field.name}"
        )


def record_event(obj: models.Model, message: str, changes: dict | None = None) -> None:
    """Record a workflow step that is not a plain field change (dismissing a finding, submitting)."""
    _write(obj, AuditEntry.Action.EVENT, changes or {}, message)
