from __future__ import annotations

from fastapi import APIRouter

from planroom.api.deps import CurrentCompany, DbSession
from planroom.api.openapi import errors
from planroom.core.clock import epoch
from planroom.core.errors import Forbidden, NotFound
from planroom.core.pagination import Page, PageParamsDep, build_page
from planroom.render.styles import BUILTIN_TEMPLATES, StyleOptions
from planroom.style_templates import service
from planroom.style_templates.models import CompanyStyleTemplate
from planroom.style_templates.schemas import (
    StyleTemplateCreate,
    StyleTemplateOut,
    StyleTemplateUpdate,
)

router = APIRouter(tags=["Style templates"])


def _out(template: CompanyStyleTemplate) -> StyleTemplateOut:
    return StyleTemplateOut(
        id=str(template.id),
        name=template.name,
        builtin=False,
        options=StyleOptions.model_validate(template.options),
        created_at=epoch(template.created_at),
    )


def _builtins() -> list[StyleTemplateOut]:
    return [
        StyleTemplateOut(id=t.id, name=t.name, builtin=True, options=t.options, created_at=None)
        for t in BUILTIN_TEMPLATES.values()
    ]


@router.get("/style-templates", summary="List style templates")
def list_templates(
    company: CurrentCompany, session: DbSession, params: PageParamsDep
) -> Page[StyleTemplateOut]:
    """The built-in templates (read-only) followed by your company's, newest first."""
    builtins = _builtins()
    own = [_out(t) for t in session.scalars(service.templates_statement(company.id))]
    everything = builtins + own
    window = everything[params.offset : params.offset + params.limit]
    return build_page(window, params, params.offset + params.limit < len(everything))


@router.post("/style-templates", summary="Create a style template")
def create_template(
    company: CurrentCompany, session: DbSession, body: StyleTemplateCreate
) -> StyleTemplateOut:
    """A named set of plan options; use its id as `order_preferences.style_2d.style_template_id`
    or with `re-deliver`."""
    return _out(service.create_template(session, company.id, body))


@router.get(
    "/style-templates/{template_id}", summary="Get a style template", responses=errors(NotFound)
)
def get_template(company: CurrentCompany, session: DbSession, template_id: str) -> StyleTemplateOut:
    """A built-in (`classic`, `color`, `blueprint`, `mono-print`) or one of your company's."""
    builtin = BUILTIN_TEMPLATES.get(template_id)
    if builtin is not None:
        return StyleTemplateOut(
            id=builtin.id,
            name=builtin.name,
            builtin=True,
            options=builtin.options,
            created_at=None,
        )
    return _out(service.company_template(session, company.id, template_id))


@router.patch(
    "/style-templates/{template_id}",
    summary="Update a style template",
    responses=errors(NotFound, Forbidden),
)
def update_template(
    company: CurrentCompany, session: DbSession, template_id: str, body: StyleTemplateUpdate
) -> StyleTemplateOut:
    """Rename it or replace its options. Built-ins are read-only (403)."""
    return _out(service.update_template(session, company.id, template_id, body))


@router.delete(
    "/style-templates/{template_id}",
    summary="Delete a style template",
    responses=errors(NotFound, Forbidden),
)
def delete_template(
    company: CurrentCompany, session: DbSession, template_id: str
) -> dict[str, str]:
    """Delete one of your templates. Built-ins are read-only (403)."""
    service.delete_template(session, company.id, template_id)
    return {"message": "Style template deleted"}
