from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.order_out import OrderOut
from ...models.validation_error import ValidationError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    order_id: UUID,
    *,
    if_none_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["if-none-match"] = if_none_match

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/orders/{order_id}".format(
            order_id=quote(str(order_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | OrderOut | ValidationError | None:
    if response.status_code == 200:
        response_200 = OrderOut.from_dict(response.json())

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
) -> Response[Error | OrderOut | ValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    order_id: UUID,
    *,
    client: AuthenticatedClient,
    if_none_match: None | str | Unset = UNSET,
) -> Response[Error | OrderOut | ValidationError]:
    """Get order by ID

     Order details; check `delivery_assets` for the download links of its files. The answer
    carries an `ETag`: send it back in `If-None-Match` when polling, and an unchanged order
    answers 304 with no body.

    Args:
        order_id (UUID):
        if_none_match (None | str | Unset): The `ETag` of your copy: 304 if it is still current.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | OrderOut | ValidationError]
    """

    kwargs = _get_kwargs(
        order_id=order_id,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    order_id: UUID,
    *,
    client: AuthenticatedClient,
    if_none_match: None | str | Unset = UNSET,
) -> Error | OrderOut | ValidationError | None:
    """Get order by ID

     Order details; check `delivery_assets` for the download links of its files. The answer
    carries an `ETag`: send it back in `If-None-Match` when polling, and an unchanged order
    answers 304 with no body.

    Args:
        order_id (UUID):
        if_none_match (None | str | Unset): The `ETag` of your copy: 304 if it is still current.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | OrderOut | ValidationError
    """

    return sync_detailed(
        order_id=order_id,
        client=client,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    order_id: UUID,
    *,
    client: AuthenticatedClient,
    if_none_match: None | str | Unset = UNSET,
) -> Response[Error | OrderOut | ValidationError]:
    """Get order by ID

     Order details; check `delivery_assets` for the download links of its files. The answer
    carries an `ETag`: send it back in `If-None-Match` when polling, and an unchanged order
    answers 304 with no body.

    Args:
        order_id (UUID):
        if_none_match (None | str | Unset): The `ETag` of your copy: 304 if it is still current.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | OrderOut | ValidationError]
    """

    kwargs = _get_kwargs(
        order_id=order_id,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    order_id: UUID,
    *,
    client: AuthenticatedClient,
    if_none_match: None | str | Unset = UNSET,
) -> Error | OrderOut | ValidationError | None:
    """Get order by ID

     Order details; check `delivery_assets` for the download links of its files. The answer
    carries an `ETag`: send it back in `If-None-Match` when polling, and an unchanged order
    answers 304 with no body.

    Args:
        order_id (UUID):
        if_none_match (None | str | Unset): The `ETag` of your copy: 304 if it is still current.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | OrderOut | ValidationError
    """

    return (
        await asyncio_detailed(
            order_id=order_id,
            client=client,
            if_none_match=if_none_match,
        )
    ).parsed
