from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.list_deliveries_state_type_0 import ListDeliveriesStateType0
from ...models.page_delivery_out import PageDeliveryOut
from ...models.validation_error import ValidationError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    state: ListDeliveriesStateType0 | None | Unset = UNSET,
    order_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_state: None | str | Unset
    if isinstance(state, Unset):
        json_state = UNSET
    elif isinstance(state, ListDeliveriesStateType0):
        json_state = state.value
    else:
        json_state = state
    params["state"] = json_state

    json_order_id: None | str | Unset
    if isinstance(order_id, Unset):
        json_order_id = UNSET
    elif isinstance(order_id, UUID):
        json_order_id = str(order_id)
    else:
        json_order_id = order_id
    params["order_id"] = json_order_id

    params["limit"] = limit

    params["offset"] = offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/companies/webhook/deliveries",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | PageDeliveryOut | ValidationError | None:
    if response.status_code == 200:
        response_200 = PageDeliveryOut.from_dict(response.json())

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
) -> Response[Error | PageDeliveryOut | ValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    state: ListDeliveriesStateType0 | None | Unset = UNSET,
    order_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
) -> Response[Error | PageDeliveryOut | ValidationError]:
    """List webhook deliveries

     The delivery log, newest first: one row per event and URL with its payload, every
    attempt (time, status code, error, duration) and the next attempt, if any.

    Args:
        state (ListDeliveriesStateType0 | None | Unset): Only this state.
        order_id (None | Unset | UUID): Only this order's.
        limit (int | Unset): Items per page. Default: 20.
        offset (int | Unset): Items to skip. Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PageDeliveryOut | ValidationError]
    """

    kwargs = _get_kwargs(
        state=state,
        order_id=order_id,
        limit=limit,
        offset=offset,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    state: ListDeliveriesStateType0 | None | Unset = UNSET,
    order_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
) -> Error | PageDeliveryOut | ValidationError | None:
    """List webhook deliveries

     The delivery log, newest first: one row per event and URL with its payload, every
    attempt (time, status code, error, duration) and the next attempt, if any.

    Args:
        state (ListDeliveriesStateType0 | None | Unset): Only this state.
        order_id (None | Unset | UUID): Only this order's.
        limit (int | Unset): Items per page. Default: 20.
        offset (int | Unset): Items to skip. Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PageDeliveryOut | ValidationError
    """

    return sync_detailed(
        client=client,
        state=state,
        order_id=order_id,
        limit=limit,
        offset=offset,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    state: ListDeliveriesStateType0 | None | Unset = UNSET,
    order_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
) -> Response[Error | PageDeliveryOut | ValidationError]:
    """List webhook deliveries

     The delivery log, newest first: one row per event and URL with its payload, every
    attempt (time, status code, error, duration) and the next attempt, if any.

    Args:
        state (ListDeliveriesStateType0 | None | Unset): Only this state.
        order_id (None | Unset | UUID): Only this order's.
        limit (int | Unset): Items per page. Default: 20.
        offset (int | Unset): Items to skip. Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PageDeliveryOut | ValidationError]
    """

    kwargs = _get_kwargs(
        state=state,
        order_id=order_id,
        limit=limit,
        offset=offset,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    state: ListDeliveriesStateType0 | None | Unset = UNSET,
    order_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
) -> Error | PageDeliveryOut | ValidationError | None:
    """List webhook deliveries

     The delivery log, newest first: one row per event and URL with its payload, every
    attempt (time, status code, error, duration) and the next attempt, if any.

    Args:
        state (ListDeliveriesStateType0 | None | Unset): Only this state.
        order_id (None | Unset | UUID): Only this order's.
        limit (int | Unset): Items per page. Default: 20.
        offset (int | Unset): Items to skip. Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PageDeliveryOut | ValidationError
    """

    return (
        await asyncio_detailed(
            client=client,
            state=state,
            order_id=order_id,
            limit=limit,
            offset=offset,
        )
    ).parsed
