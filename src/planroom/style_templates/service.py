"""Finding, creating and changing style templates; built-ins are read-only."""

from __future__ import annotations

import uuid

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from planroom.core.errors import Forbidden, NotFound
from planroom.render.styles import BUILTIN_TEMPLATES, StyleOptions
from planroom.style_templates.models import CompanyStyleTemplate
from planroom.style_templates.schemas import StyleTemplateCreate, StyleTemplateUpdate


def _parse_id(template_id: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(template_id)
    except ValueError:
        return None


def company_template(
    session: Session, company_id: uuid.UUID, template_id: str
) -> CompanyStyleTemplate:
    parsed = _parse_id(template_id)
    template = session.get(CompanyStyleTemplate, parsed) if parsed else None
    if template is None or template.company_id != company_id:
        raise NotFound("No style template with this id in your company.")
    return template


def template_names(
    session: Session, company_id: uuid.UUID, template_ids: set[str]
) -> dict[str, str]:
    """Names of the company's templates among `template_ids`, in one query (ids not found are
    left out: built-ins, foreign or malformed ones)."""
    parsed = {key: _parse_id(key) for key in template_ids}
    wanted = {value for value in parsed.values() if value is not None}
    if not wanted:
        return {}
    found = {
        template.id: template.name
        for template in session.scalars(
            select(CompanyStyleTemplate).where(
                CompanyStyleTemplate.id.in_(wanted), CompanyStyleTemplate.company_id == company_id
            )
        )
    }
    return {key: found[value] for key, value in parsed.items() if value in found}


def find_template_name(session: Session, company_id: uuid.UUID, template_id: str) -> str | None:
    try:
        return company_template(session, company_id, template_id).name
    except NotFound:
        return None


def resolve_options(session: Session, company_id: uuid.UUID, template_id: str) -> StyleOptions:
    """The options of a built-in or company template; 404 for an unknown id."""
    builtin = BUILTIN_TEMPLATES.get(template_id)
    if builtin is not None:
        return builtin.options
    return StyleOptions.model_validate(company_template(session, company_id, template_id).options)


def templates_statement(company_id: uuid.UUID) -> Select[CompanyStyleTemplate]:
    return (
        select(CompanyStyleTemplate)
        .where(CompanyStyleTemplate.company_id == company_id)
        .order_by(CompanyStyleTemplate.created_at.desc(), CompanyStyleTemplate.id.desc())
    )


def create_template(
    session: Session, company_id: uuid.UUID, body: StyleTemplateCreate
) -> CompanyStyleTemplate:
    template = CompanyStyleTemplate(
        company_id=company_id, name=body.name, options=body.options.model_dump(mode="json")
    )
    session.add(template)
    session.flush()
    return template


def _refuse_builtin(template_id: str) -> None:
    if template_id in BUILTIN_TEMPLATES:
        raise Forbidden("Built-in templates are read-only; create your own from its options.")


def update_template(
    session: Session, company_id: uuid.UUID, template_id: str, body: StyleTemplateUpdate
) -> CompanyStyleTemplate:
    _refuse_builtin(template_id)
    template = company_template(session, company_id, template_id)
    if body.name is not None:
        template.name = body.name
    if body.options is not None:
        template.options = body.options.model_dump(mode="json")
    session.flush()
    return template


def delete_template(session: Session, company_id: uuid.UUID, template_id: str) -> None:
    _refuse_builtin(template_id)
    session.delete(company_template(session, company_id, template_id))
    session.flush()
