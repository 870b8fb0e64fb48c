from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.validation_error import ValidationError
from ...models.webhook_pair import WebhookPair
from ...models.webhook_update import WebhookUpdate
from ...types import Response


def _get_kwargs(
    *,
    body: WebhookUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/companies/webhook",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | ValidationError | WebhookPair | None:
    if response.status_code == 200:
        response_200 = WebhookPair.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ValidationError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())

        return response_413

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = Error.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | ValidationError | WebhookPair]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: WebhookUpdate,
) -> Response[Error | ValidationError | WebhookPair]:
    """Update company webhooks

     Register the URLs to call and the status changes to announce. The lists given replace
    the stored ones (they are never merged); unknown keys are ignored. Triggers:
    `moved_to_draft`, `moved_to_pending`, `moved_to_ready`, `moved_to_fixing`,
    `moved_to_failed`. Every call is signed (Standard Webhooks); see `GET /companies/webhook`
    for the secret.

    Args:
        body (WebhookUpdate): Unknown keys (`url`, `secret`, …) are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ValidationError | WebhookPair]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: WebhookUpdate,
) -> Error | ValidationError | WebhookPair | None:
    """Update company webhooks

     Register the URLs to call and the status changes to announce. The lists given replace
    the stored ones (they are never merged); unknown keys are ignored. Triggers:
    `moved_to_draft`, `moved_to_pending`, `moved_to_ready`, `moved_to_fixing`,
    `moved_to_failed`. Every call is signed (Standard Webhooks); see `GET /companies/webhook`
    for the secret.

    Args:
        body (WebhookUpdate): Unknown keys (`url`, `secret`, …) are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ValidationError | WebhookPair
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: WebhookUpdate,
) -> Response[Error | ValidationError | WebhookPair]:
    """Update company webhooks

     Register the URLs to call and the status changes to announce. The lists given replace
    the stored ones (they are never merged); unknown keys are ignored. Triggers:
    `moved_to_draft`, `moved_to_pending`, `moved_to_ready`, `moved_to_fixing`,
    `moved_to_failed`. Every call is signed (Standard Webhooks); see `GET /companies/webhook`
    for the secret.

    Args:
        body (WebhookUpdate): Unknown keys (`url`, `secret`, …) are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ValidationError | WebhookPair]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: WebhookUpdate,
) -> Error | ValidationError | WebhookPair | None:
    """Update company webhooks

     Register the URLs to call and the status changes to announce. The lists given replace
    the stored ones (they are never merged); unknown keys are ignored. Triggers:
    `moved_to_draft`, `moved_to_pending`, `moved_to_ready`, `moved_to_fixing`,
    `moved_to_failed`. Every call is signed (Standard Webhooks); see `GET /companies/webhook`
    for the secret.

    Args:
        body (WebhookUpdate): Unknown keys (`url`, `secret`, …) are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ValidationError | WebhookPair
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
