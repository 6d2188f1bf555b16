"""Council editors see and update every group's messages (a group's editors get their own
group's through ``volunteering.editors``)."""

from importlib import import_module

from django.db import migrations

ensure_permissions_exist = import_module("home.migrations.0004_roles").ensure_permissions_exist

CODENAMES = ["view_message", "change_message", "view_all_messages"]


def grant_to_council_editors(apps, codenames):
    """Give the council editors these permissions of this app (also used by later migrations)."""
    ensure_permissions_exist(apps)
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    council_editors = Group.objects.filter(name="Council editors").first()
    if council_editors is not None:
        council_editors.permissions.add(
            *Permission.objects.filter(content_type__app_label="volunteering", codename__in=codenames)
        )


def council_editors_see_messages(apps, schema_editor):
    grant_to_council_editors(apps, CODENAMES)


class Migration(migrations.Migration):
    dependencies = [("volunteering", "0002_message"), ("home", "0006_council_editors_invite_not_manage_users")]

    operations = [migrations.RunPython(council_editors_see_messages, migrations.RunPython.noop)]
