from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.change_request_out import ChangeRequestOut
from ...models.error import Error
from ...models.validation_error import ValidationError
from ...types import Response


def _get_kwargs(
    order_id: UUID,
    change_request_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/orders/{order_id}/change-requests/{change_request_id}".format(
            order_id=quote(str(order_id), safe=""),
            change_request_id=quote(str(change_request_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ChangeRequestOut | Error | ValidationError | None:
    if response.status_code == 200:
        response_200 = ChangeRequestOut.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ValidationError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

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
) -> Response[ChangeRequestOut | Error | ValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    order_id: UUID,
    change_request_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ChangeRequestOut | Error | ValidationError]:
    """Get change request by ID

     `status` is `Open` until a drafter takes it up, then `InProgress`, then `Done` (the fix
    was delivered) or `Rejected`; `resolution_note` says what was done or why not.

    Args:
        order_id (UUID):
        change_request_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChangeRequestOut | Error | ValidationError]
    """

    kwargs = _get_kwargs(
        order_id=order_id,
        change_request_id=change_request_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    order_id: UUID,
    change_request_id: UUID,
    *,
    client: AuthenticatedClient,
) -> ChangeRequestOut | Error | ValidationError | None:
    """Get change request by ID

     `status` is `Open` until a drafter takes it up, then `InProgress`, then `Done` (the fix
    was delivered) or `Rejected`; `resolution_note` says what was done or why not.

    Args:
        order_id (UUID):
        change_request_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChangeRequestOut | Error | ValidationError
    """

    return sync_detailed(
        order_id=order_id,
        change_request_id=change_request_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    order_id: UUID,
    change_request_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ChangeRequestOut | Error | ValidationError]:
    """Get change request by ID

     `status` is `Open` until a drafter takes it up, then `InProgress`, then `Done` (the fix
    was delivered) or `Rejected`; `resolution_note` says what was done or why not.

    Args:
        order_id (UUID):
        change_request_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChangeRequestOut | Error | ValidationError]
    """

    kwargs = _get_kwargs(
        order_id=order_id,
        change_request_id=change_request_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    order_id: UUID,
    change_request_id: UUID,
    *,
    client: AuthenticatedClient,
) -> ChangeRequestOut | Error | ValidationError | None:
    """Get change request by ID

     `status` is `Open` until a drafter takes it up, then `InProgress`, then `Done` (the fix
    was delivered) or `Rejected`; `resolution_note` says what was done or why not.

    Args:
        order_id (UUID):
        change_request_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChangeRequestOut | Error | ValidationError
    """

    return (
        await asyncio_detailed(
            order_id=order_id,
            change_request_id=change_request_id,
            client=client,
        )
    ).parsed
