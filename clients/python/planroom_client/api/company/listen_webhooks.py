from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.listen_webhooks_triggers_type_0_item import ListenWebhooksTriggersType0Item
from ...models.validation_error import ValidationError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    triggers: list[ListenWebhooksTriggersType0Item] | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_triggers: list[str] | None | Unset
    if isinstance(triggers, Unset):
        json_triggers = UNSET
    elif isinstance(triggers, list):
        json_triggers = []
        for triggers_type_0_item_data in triggers:
            triggers_type_0_item = triggers_type_0_item_data.value
            json_triggers.append(triggers_type_0_item)

    else:
        json_triggers = triggers
    params["triggers"] = json_triggers

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/companies/webhook/listen",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | ValidationError | str | None:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    if response.status_code == 400:
        response_400 = ValidationError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

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
) -> Response[Error | ValidationError | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    triggers: list[ListenWebhooksTriggersType0Item] | None | Unset = UNSET,
) -> Response[Error | ValidationError | str]:
    """Stream webhook events (for planroom webhooks listen)

     Every event of your company from now on, as server-sent events, whatever URLs and
    triggers are registered: what `planroom webhooks listen --forward-to URL` reads to
    forward your events to a local server with their signature headers. The events of an
    order are given to every stream open when they happen; none are kept for a stream
    opened later.

    Args:
        triggers (list[ListenWebhooksTriggersType0Item] | None | Unset): Only these triggers;
            every one when omitted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ValidationError | str]
    """

    kwargs = _get_kwargs(
        triggers=triggers,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    triggers: list[ListenWebhooksTriggersType0Item] | None | Unset = UNSET,
) -> Error | ValidationError | str | None:
    """Stream webhook events (for planroom webhooks listen)

     Every event of your company from now on, as server-sent events, whatever URLs and
    triggers are registered: what `planroom webhooks listen --forward-to URL` reads to
    forward your events to a local server with their signature headers. The events of an
    order are given to every stream open when they happen; none are kept for a stream
    opened later.

    Args:
        triggers (list[ListenWebhooksTriggersType0Item] | None | Unset): Only these triggers;
            every one when omitted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ValidationError | str
    """

    return sync_detailed(
        client=client,
        triggers=triggers,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    triggers: list[ListenWebhooksTriggersType0Item] | None | Unset = UNSET,
) -> Response[Error | ValidationError | str]:
    """Stream webhook events (for planroom webhooks listen)

     Every event of your company from now on, as server-sent events, whatever URLs and
    triggers are registered: what `planroom webhooks listen --forward-to URL` reads to
    forward your events to a local server with their signature headers. The events of an
    order are given to every stream open when they happen; none are kept for a stream
    opened later.

    Args:
        triggers (list[ListenWebhooksTriggersType0Item] | None | Unset): Only these triggers;
            every one when omitted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ValidationError | str]
    """

    kwargs = _get_kwargs(
        triggers=triggers,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    triggers: list[ListenWebhooksTriggersType0Item] | None | Unset = UNSET,
) -> Error | ValidationError | str | None:
    """Stream webhook events (for planroom webhooks listen)

     Every event of your company from now on, as server-sent events, whatever URLs and
    triggers are registered: what `planroom webhooks listen --forward-to URL` reads to
    forward your events to a local server with their signature headers. The events of an
    order are given to every stream open when they happen; none are kept for a stream
    opened later.

    Args:
        triggers (list[ListenWebhooksTriggersType0Item] | None | Unset): Only these triggers;
            every one when omitted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ValidationError | str
    """

    return (
        await asyncio_detailed(
            client=client,
            triggers=triggers,
        )
    ).parsed
