"""Under /api/openreferral/ (outside the language prefix): paths as the HSDS API reference
names them, with or without a trailing slash; anything else is a JSON 404."""

from django.urls import re_path

from . import views

app_name = "openreferral"

ID = r"(?P<{}>[^/]+)"

urlpatterns = [
    re_path(r"^$", views.root, name="root"),
    re_path(r"^services/?$", views.services, name="services"),
    re_path(rf"^services/{ID.format('service_id')}/?$", views.service_detail, name="service"),
    re_path(r"^service_at_locations/?$", views.service_at_locations, name="service_at_locations"),
    re_path(
        rf"^service_at_locations/{ID.format('service_at_location_id')}/?$",
        views.service_at_location_detail,
        name="service_at_location",
    ),
    re_path(r"^organizations/?$", views.organizations, name="organizations"),
    re_path(
        rf"^organizations/{ID.format('organization_id')}/?$", views.organization_detail, name="organization"
    ),
    re_path(r"^taxonomies/?$", views.taxonomies, name="taxonomies"),
    re_path(rf"^taxonomies/{ID.format('taxonomy_id')}/?$", views.taxonomy_detail, name="taxonomy"),
    re_path(r"^taxonomy_terms/?$", views.taxonomy_terms, name="taxonomy_terms"),
    re_path(rf"^taxonomy_terms/{ID.format('term_id')}/?$", views.taxonomy_term_detail, name="taxonomy_term"),
    re_path(r"^(?P<path>.*)$", views.unknown_endpoint),
]
