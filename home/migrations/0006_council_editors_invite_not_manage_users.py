"""Council editors stop managing user accounts; they invite group editors instead.

With ``auth.add_user``/``auth.change_user`` a council editor could make any account a
superuser or set a superuser's password. Only superusers manage users and groups now; council
editors keep the one thing they needed it for, bringing in a community group's editors, as
``directory.invite_group_editor`` (the "Invite an editor for this group" action).
"""

from importlib import import_module

from django.db import migrations

ensure_permissions_exist = import_module("home.migrations.0004_roles").ensure_permissions_exist

COUNCIL_EDITORS = "Council editors"
USER_MANAGEMENT = [("auth", "add_user"), ("auth", "change_user"), ("auth", "delete_user"),
                   ("auth", "add_group"), ("auth", "change_group"), ("auth", "delete_group")]  # fmt: skip


def invite_instead_of_managing_users(apps, schema_editor):
    ensure_permissions_exist(apps)
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    council_editors = Group.objects.filter(name=COUNCIL_EDITORS).first()
    if council_editors is None:
        return
    for app_label, codename in USER_MANAGEMENT:
        council_editors.permissions.remove(*Permission.objects.filter(content_type__app_label=app_label, codename=codename))
    council_editors.permissions.add(
        Permission.objects.get(content_type__app_label="directory", codename="invite_group_editor")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0005_body_key_facts"),
        ("directory", "0006_invite_group_editor_permission"),
    ]

    operations = [migrations.RunPython(invite_instead_of_managing_users, migrations.RunPython.noop)]
