from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.order_out import OrderOut
from ...models.re_deliver import ReDeliver
from ...models.validation_error import ValidationError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    order_id: UUID,
    *,
    body: ReDeliver,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/orders/{order_id}/re-deliver".format(
            order_id=quote(str(order_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | Error | ValidationError | OrderOut | None:
    if response.status_code == 200:
        response_200 = OrderOut.from_dict(response.json())

        return response_200

    if response.status_code == 400:

        def _parse_response_400(data: object) -> Error | ValidationError:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_0 = ValidationError.from_dict(data)

                return response_400_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_400_type_1 = Error.from_dict(data)

            return response_400_type_1

        response_400 = _parse_response_400(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())

        return response_409

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
) -> Response[Error | Error | ValidationError | OrderOut]:
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
    body: ReDeliver,
    idempotency_key: str | Unset = UNSET,
) -> Response[Error | Error | ValidationError | OrderOut]:
    """Re-deliver order with styling options

     Re-render the styled products of a `Ready` order with another template or inline
    options; their files are replaced and each product group sends `moved_to_ready` with
    `previous_status: "Ready"` and `delivery_type: "update"`. 409 unless `Ready`.

    Args:
        order_id (UUID):
        idempotency_key (str | Unset):
        body (ReDeliver):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Error | ValidationError | OrderOut]
    """

    kwargs = _get_kwargs(
        order_id=order_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    order_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReDeliver,
    idempotency_key: str | Unset = UNSET,
) -> Error | Error | ValidationError | OrderOut | None:
    """Re-deliver order with styling options

     Re-render the styled products of a `Ready` order with another template or inline
    options; their files are replaced and each product group sends `moved_to_ready` with
    `previous_status: "Ready"` and `delivery_type: "update"`. 409 unless `Ready`.

    Args:
        order_id (UUID):
        idempotency_key (str | Unset):
        body (ReDeliver):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Error | ValidationError | OrderOut
    """

    return sync_detailed(
        order_id=order_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    order_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReDeliver,
    idempotency_key: str | Unset = UNSET,
) -> Response[Error | Error | ValidationError | OrderOut]:
    """Re-deliver order with styling options

     Re-render the styled products of a `Ready` order with another template or inline
    options; their files are replaced and each product group sends `moved_to_ready` with
    `previous_status: "Ready"` and `delivery_type: "update"`. 409 unless `Ready`.

    Args:
        order_id (UUID):
        idempotency_key (str | Unset):
        body (ReDeliver):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Error | ValidationError | OrderOut]
    """

    kwargs = _get_kwargs(
        order_id=order_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    order_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReDeliver,
    idempotency_key: str | Unset = UNSET,
) -> Error | Error | ValidationError | OrderOut | None:
    """Re-deliver order with styling options

     Re-render the styled products of a `Ready` order with another template or inline
    options; their files are replaced and each product group sends `moved_to_ready` with
    `previous_status: "Ready"` and `delivery_type: "update"`. 409 unless `Ready`.

    Args:
        order_id (UUID):
        idempotency_key (str | Unset):
        body (ReDeliver):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Error | ValidationError | OrderOut
    """

    return (
        await asyncio_detailed(
            order_id=order_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
